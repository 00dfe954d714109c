import * as v from 'valibot';
import type { Store, StoredValue, WriteResult } from '../storage/storage';
import { storageKeys } from '../storage/keys';

/** Reading and UI preferences; remembered through the storage adapter. */
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const LINE_SPACINGS = ['compact', 'normal', 'relaxed'] as const;
export const UI_LANGUAGES = ['ar', 'en'] as const;
/** Text sizes in CSS pixels for the article body. */
export const TEXT_SIZES = [16, 18, 20, 22, 24, 27, 30] as const;

export type Theme = (typeof THEMES)[number];
export type LineSpacing = (typeof LINE_SPACINGS)[number];
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const settingsSchema = v.object({
  theme: v.fallback(v.picklist(THEMES), 'system'),
  textSizeIndex: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(TEXT_SIZES.length - 1)), 2),
  lineSpacing: v.fallback(v.picklist(LINE_SPACINGS), 'normal'),
  /** null: follow the browser's preference. */
  uiLanguage: v.fallback(v.nullable(v.picklist(UI_LANGUAGES)), null),
});

export type Settings = v.InferOutput<typeof settingsSchema>;

export const defaultSettings: Settings = { theme: 'system', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: null };

export const settingsSpec: StoredValue<Settings> = {
  key: storageKeys.settings,
  version: 1,
  schema: settingsSchema,
  fallback: () => defaultSettings,
};

export function readSettings(store: Store): Settings {
  return store.read(settingsSpec);
}

export function writeSettings(store: Store, change: Partial<Settings>): { settings: Settings; result: WriteResult } {
  const settings = { ...readSettings(store), ...change };
  return { settings, result: store.write(settingsSpec, settings) };
}

/** The UI language: the reader's choice, else the browser's first Arabic or English preference, else Arabic. */
export function resolveUiLanguage(choice: UiLanguage | null, browserLanguages: readonly string[]): UiLanguage {
  if (choice) return choice;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ar' || base === 'en') return base;
  }
  return 'ar';
}
