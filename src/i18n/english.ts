// The English strings, every namespace: one chunk, loaded when English is the interface language.
const files = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', { eager: true, import: 'default' });

export const resources: Readonly<Record<string, Record<string, unknown>>> = Object.fromEntries(
  Object.entries(files).map(([path, value]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), value]),
);
