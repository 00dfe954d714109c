/// <reference lib="webworker" />
// Worker entry: a notes file is read, parsed and checked here, off the main thread (JSON.parse of a
// 20 MB file alone takes most of a second). The page merges and saves what comes back.
import { convertNotesFile } from './export';
import { NOTES_PER_MESSAGE, type NotesFileRequest, type NotesFileResponse } from './notes-file-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const send = (message: NotesFileResponse) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<NotesFileRequest>) => {
  const { file, options } = event.data;
  try {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      send({ type: 'not-json' });
      return;
    }
    const { annotations, rejected, unmatchedSources, fitReading } = convertNotesFile(json, options);
    for (let from = 0; from < annotations.length; from += NOTES_PER_MESSAGE) send({ type: 'annotations', annotations: annotations.slice(from, from + NOTES_PER_MESSAGE) });
    send({ type: 'done', rejected, unmatchedSources, fitReading });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
