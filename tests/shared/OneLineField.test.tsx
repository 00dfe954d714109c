import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { OneLineField } from '../../src/shared/OneLineField';

function Form({ onSubmit, initial = '' }: { onSubmit: (value: string) => void; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value);
      }}
    >
      <label htmlFor="title">Title</label>
      <OneLineField id="title" value={value} onValueChange={setValue} />
    </form>
  );
}

describe('OneLineField', () => {
  it('keeps one line: a pasted line break becomes one space', () => {
    render(<Form onSubmit={() => {}} />);
    const field = screen.getByLabelText('Title');
    fireEvent.change(field, { target: { value: 'عنوان  \r\n\n  طويل\nجدًا' } });
    expect(field).toHaveValue('عنوان طويل جدًا');
    expect(field).toHaveAttribute('rows', '1');
  });

  it('submits its form on Enter instead of adding a line, and not while a word is being composed', () => {
    const onSubmit = vi.fn();
    render(<Form onSubmit={onSubmit} initial="عنوان الخبر" />);
    const field = screen.getByLabelText('Title');
    expect(fireEvent.keyDown(field, { key: 'Enter', isComposing: true })).toBe(true);
    expect(onSubmit).not.toHaveBeenCalled();
    // Enter is cancelled (no line break is typed) and the form submitted.
    expect(fireEvent.keyDown(field, { key: 'Enter' })).toBe(false);
    expect(onSubmit).toHaveBeenCalledWith('عنوان الخبر');
    expect(fireEvent.keyDown(field, { key: 'a' })).toBe(true);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
