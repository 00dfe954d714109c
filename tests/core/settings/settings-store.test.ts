import { describe, expect, it } from 'vitest';
import { readProgress, writeProgress } from '../../../src/core/settings/progress-store';
import { defaultSettings, readSettings, resolveUiLanguage, writeSettings } from '../../../src/core/settings/settings-store';
import { createStore } from '../../../src/core/storage/storage';
import { MemoryStorage } from '../../helpers/memory-storage';

describe('settings', () => {
  it('chooses the reader\'s language, else the browser\'s Arabic or English, else Arabic', () => {
    expect(resolveUiLanguage('en', ['ar'])).toBe('en');
    expect(resolveUiLanguage(null, ['fr-FR', 'en-GB', 'ar'])).toBe('en');
    expect(resolveUiLanguage(null, ['ar-EG'])).toBe('ar');
    expect(resolveUiLanguage(null, ['fr', 'de'])).toBe('ar');
  });

  it('are remembered and repaired field by field when a stored field is invalid', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    expect(readSettings(store)).toEqual(defaultSettings);
    writeSettings(store, { theme: 'sepia', textSizeIndex: 4 });
    expect(readSettings(store)).toMatchObject({ theme: 'sepia', textSizeIndex: 4 });
    backend.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'neon', textSizeIndex: 99, lineSpacing: 'relaxed', uiLanguage: 'en' } }));
    expect(readSettings(createStore(backend, null))).toEqual({ theme: 'system', textSizeIndex: 2, lineSpacing: 'relaxed', uiLanguage: 'en' });
  });

  it('remember reading progress per article', () => {
    const store = createStore(new MemoryStorage(), null);
    writeProgress(store, 'a', { blockId: 'p-1', fraction: 0.5, updated: '2026-01-01T00:00:00.000Z' });
    writeProgress(store, 'b', { blockId: 'p-2', fraction: 0.1, updated: '2026-01-02T00:00:00.000Z' });
    expect(readProgress(store, 'a')?.blockId).toBe('p-1');
    expect(readProgress(store, 'c')).toBeUndefined();
  });
});
