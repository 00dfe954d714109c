/**
 * Files above this are refused before being read (Arabic news articles are a few tens of KB).
 * Kept apart from import-file.ts so the UI can show the limit without loading the HTML importer.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
