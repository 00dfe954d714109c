import { useLayoutEffect, useRef, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import './one-line-field.css';

type OneLineFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'rows'> & {
  readonly value: string;
  readonly onValueChange: (value: string) => void;
};

/** Line breaks (a pasted paragraph) become one space: the value is a single line. */
const oneLine = (text: string) => text.replace(/[^\S\r\n]*[\r\n]+[^\S\r\n]*/g, ' ');

/** Grows the field to its whole text: height from the wrapped content, borders included. */
function fitToText(field: HTMLTextAreaElement): void {
  field.style.blockSize = 'auto';
  // Not laid out (hidden, or no layout engine): leave the height to the stylesheet.
  if (field.scrollHeight === 0) {
    field.style.blockSize = '';
    return;
  }
  const style = getComputedStyle(field);
  const borders = parseFloat(style.borderBlockStartWidth) + parseFloat(style.borderBlockEndWidth);
  const paddings = parseFloat(style.paddingBlockStart) + parseFloat(style.paddingBlockEnd);
  const height = style.boxSizing === 'border-box' ? field.scrollHeight + borders : field.scrollHeight - paddings;
  field.style.blockSize = `${height}px`;
}

/**
 * A one-line value (a title, a date line, a source) that wraps onto as many lines as it needs, so a
 * long headline is read whole on a phone where a single-line input would cut it. Enter submits the
 * form, as in an input: the value never holds a line break.
 */
export function OneLineField({ value, onValueChange, onKeyDown, className, ...rest }: OneLineFieldProps) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    const field = ref.current;
    if (field) fitToText(field);
  }, [value]);

  // The wrapping changes with the field's width (the window's, or the dialog being laid out after
  // the field was rendered) and when the fonts arrive. Refitted a frame later, so that the new
  // height is not reported back inside the same observation.
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fitToText(field));
    };
    if ('fonts' in document) void document.fonts.ready.then(refit);
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', refit);
      return () => {
        cancelAnimationFrame(frame);
        window.removeEventListener('resize', refit);
      };
    }
    let width = -1;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry || entry.contentRect.width === width) return;
      width = entry.contentRect.width;
      refit();
    });
    observer.observe(field);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);

  const submitOnEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };

  return (
    <textarea
      {...rest}
      ref={ref}
      rows={1}
      className={className ? `one-line-field ${className}` : 'one-line-field'}
      value={value}
      onChange={(event) => onValueChange(oneLine(event.target.value))}
      onKeyDown={submitOnEnter}
    />
  );
}
