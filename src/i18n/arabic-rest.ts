// Every Arabic namespace but those the page shell needs at once (common, errors): one chunk, loaded
// with the first screen's code (i18n.ts), so the entry carries only the strings of the shell.
const files = import.meta.glob<Record<string, unknown>>(['./locales/ar/*.json', '!./locales/ar/common.json', '!./locales/ar/errors.json'], { eager: true, import: 'default' });

export const resources: Readonly<Record<string, Record<string, unknown>>> = Object.fromEntries(
  Object.entries(files).map(([path, value]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), value]),
);
