import { createValueStore, useValueStore } from './value-store';

/**
 * Words for screen readers only, about what a key did that the page does not say by itself
 * ("highlight 2 of 5", "no more highlights"): one polite live region for the whole app, visually
 * hidden. Toasts are for what everyone should see.
 */
const message = createValueStore<{ text: string; id: number }>({ text: '', id: 0 });

export function announce(text: string): void {
  // A new id each time: the same words said twice are read twice.
  message.set({ text, id: message.get().id + 1 });
}

export function Announcer() {
  const { text, id } = useValueStore(message);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
      <span key={id}>{text}</span>
    </div>
  );
}
