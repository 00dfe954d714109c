import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/shared/ErrorBoundary';
import { renderWithApp } from '../helpers/render';

function Card({ text, broken }: { text: string; broken?: boolean }) {
  if (broken) throw new RangeError('Invalid time value');
  return <p>{text}</p>;
}

describe('ErrorBoundary (issue 15: one broken card blanked the notebook)', () => {
  it('shows the rest of the list and says what failed in the broken part', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderWithApp(
      <ul>
        {['first', 'broken', 'third'].map((text) => (
          <li key={text}>
            <ErrorBoundary kind="card">
              <Card text={text} broken={text === 'broken'} />
            </ErrorBoundary>
          </li>
        ))}
      </ul>,
      { language: 'en' },
    );
    expect(screen.getByText('first')).toBeInTheDocument();
    expect(screen.getByText('third')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This note could not be shown: Invalid time value. It is still saved.');
    vi.restoreAllMocks();
  });

  it('a page boundary offers to try again and recovers once the cause is gone', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    function Page() {
      const [, rerender] = useState(0);
      if (broken) throw new TypeError("Cannot read properties of undefined (reading 'id')");
      return <button onClick={() => rerender((n) => n + 1)}>fine</button>;
    }
    await renderWithApp(
      <ErrorBoundary kind="page">
        <Page />
      </ErrorBoundary>,
      { language: 'en' },
    );
    expect(screen.getByRole('alert')).toHaveTextContent("reading 'id'");
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('button', { name: 'fine' })).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
