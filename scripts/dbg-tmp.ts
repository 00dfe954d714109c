import { IDBFactory } from 'fake-indexeddb';
import { createIdbStore } from '/work/sync/src/core/storage/idb-store';
import { listSummaries, saveImported } from '/work/sync/src/core/article/imported-articles';
import { parsePlainTextArticle } from '/work/sync/src/core/article/parse-text';
const a = createIdbStore({ factory: new IDBFactory(), name: 'x1' });
const r = await saveImported(a, parsePlainTextArticle('عنوان\n\nنص المقال هنا.', { id: 'imp-1' }), 'import');
console.log(r, (await listSummaries(a)).length);
