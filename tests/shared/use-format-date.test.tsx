import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFormatDate } from '../../src/shared/use-format-date';
import { renderWithApp } from '../helpers/render';

function Dates({ iso }: { iso: string }) {
  const medium = useFormatDate('medium');
  const long = useFormatDate('long');
  return (
    <p>
      <span data-testid="medium">{medium(iso)}</span>
      <span data-testid="long">{long(iso)}</span>
    </p>
  );
}

describe('useFormatDate', () => {
  it('formats in the UI language, and follows a change of language', async () => {
    const { i18n } = await renderWithApp(<Dates iso="2019-09-23T10:00:00.000Z" />, { language: 'en' });
    expect(screen.getByTestId('medium')).toHaveTextContent('Sep 23, 2019');
    expect(screen.getByTestId('long')).toHaveTextContent('September 23, 2019');
    await act(() => i18n.changeLanguage('ar'));
    expect(screen.getByTestId('long').textContent).toMatch(/سبتمبر/);
  });

  it('gives an unreadable date back as it is instead of throwing', async () => {
    await renderWithApp(<Dates iso="not a date" />, { language: 'en' });
    expect(screen.getByTestId('medium')).toHaveTextContent('not a date');
  });
});

function Month({ month }: { month: string }) {
  return <span data-testid="month">{useFormatDate('month')(month)}</span>;
}

describe('useFormatDate("month")', () => {
  it('names the month in the UI language (the name page labelled months "2024-09")', async () => {
    const { i18n } = await renderWithApp(<Month month="2024-09" />, { language: 'en' });
    expect(screen.getByTestId('month')).toHaveTextContent('September 2024');
    await act(() => i18n.changeLanguage('ar'));
    expect(screen.getByTestId('month').textContent).toMatch(/سبتمبر/);
    expect(screen.getByTestId('month').textContent).not.toContain('2024-09');
  });

  it('keeps the month whatever the time zone (the first of the month is read in UTC)', async () => {
    await renderWithApp(<Month month="2024-01" />, { language: 'en' });
    expect(screen.getByTestId('month')).toHaveTextContent('January 2024');
  });
});
