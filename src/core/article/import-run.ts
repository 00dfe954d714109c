import { importFromFile, importFromHtml, importFromText, type ImportResult } from './import-file';
import type { ImportRequest, ImportStage } from './import-protocol';

/** One import, start to end (in the worker, or on the main thread where no worker can run). Never throws. */
export async function runImport(request: ImportRequest, onStage: (stage: ImportStage) => void): Promise<ImportResult> {
  try {
    if (request.kind === 'file') {
      onStage('reading');
      const file = request.file;
      return await importFromFile({ name: request.name, type: request.type, size: file.size, text: () => file.text(), arrayBuffer: () => file.arrayBuffer() }, { onStage });
    }
    if (request.kind === 'text') return importFromText(request.text, { ...(request.url ? { url: request.url } : {}), onStage });
    return importFromHtml(request.html, { ...(request.url ? { url: request.url } : {}), onStage });
  } catch {
    return { ok: false, error: 'no-article' };
  }
}
