import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { IdbStore } from '../../core/storage/idb-store';
import type { StoreDomain } from '../../core/storage/changes';
import type { Store } from '../../core/storage/storage';
import { groupArticlesDocumentName, groupDocumentName, libraryDocumentName, NOTES_MAP, personalDocumentName } from '../../core/schema/sync-documents';
import { syncEntitiesPass } from '../../core/sync/entities-sync';
import { mirrorGroupArticles, publishGroupArticles, syncLibraryPass } from '../../core/sync/library-sync';
import { claimedArticle, LOCAL_ORIGIN, mirrorGroupNotes, syncNotesPass, type NoteScope, type SyncPassResult } from '../../core/sync/notes-sync';
import { accountKey, markSynced, refreshGroups, websocketUrl, type SyncAccount } from '../../core/sync/account-store';
import { fetchSession } from './sign-in';
import { syncAccountChanges } from '../../shared/sync-account-changes';
import { syncStatus, type SyncStatus } from './sync-status';

/**
 * The running sync for a signed-in reader (loaded only when sync is on). Over one websocket:
 * - the reader's own document (private notes, reading progress, entity corrections and name lists);
 * - the reader's library document (imported articles, from IndexedDB);
 * - per group, the articles the reader shares with it (written here) and those each other member
 *   shares (read-only, mirrored into the library);
 * - per group, the reader's own notes in it (written here) and each other member's (read-only,
 *   mirrored into local storage).
 * A sync pass (core/sync/notes-sync) runs whenever either side of a document changes. Passes run
 * only while connected and synced with the server, so what this device records as agreed is what
 * the server has; offline, changes simply stay in local storage until it returns.
 */
const PASS_DELAY_MS = 150;
/** A pass now and then catches changes that no event announced (reading progress is saved without one). */
const PERIODIC_PASS_MS = 15_000;
const MARK_INTERVAL_MS = 5_000;
/** Local changes that are synced (the rest, like settings or the sync bookkeeping itself, stay on the device). */
const SYNCED_DOMAINS: ReadonlySet<StoreDomain> = new Set(['notes', 'progress', 'corrections', 'entity-lists']);
/** How often the reader's groups are asked again (membership changes while signed in). */
const GROUPS_REFRESH_MS = 20_000;

/**
 * notes: the reader's notes (own or in a group); mirror: another member's group notes (never written
 * from here); library: imported articles; shelf: the articles the reader shares with a group;
 * shelf-mirror: another member's shared articles (never written from here).
 */
type ChannelKind = 'notes' | 'mirror' | 'library' | 'shelf' | 'shelf-mirror';
const ARTICLE_KINDS: ReadonlySet<ChannelKind> = new Set(['library', 'shelf', 'shelf-mirror']);
const READ_ONLY_KINDS: ReadonlySet<ChannelKind> = new Set(['mirror', 'shelf-mirror']);

interface Channel {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly scope: NoteScope;
  readonly kind: ChannelKind;
  readonly baseKey: string;
  /** What the next pass must look at: some articles, or everything. */
  pending: Set<string> | 'all';
  timer?: ReturnType<typeof setTimeout>;
  /** A library pass reads IndexedDB: one at a time. */
  running?: boolean;
}

export function startSyncEngine(store: Store, db: IdbStore, account: SyncAccount): () => void {
  const me = account.session.user;
  let conflicts = syncStatus.get().conflicts;
  let refused = false;
  let authFailed: string | null = null;
  let tooLarge = 0;
  const set = (status: Omit<SyncStatus, 'conflicts' | 'tooLarge'>) => syncStatus.set({ ...status, conflicts, tooLarge });
  // "Last synced" is stored at most every few seconds: each write reaches every other open tab.
  let lastMarked = 0;
  const marked = () => {
    if (Date.now() - lastMarked < MARK_INTERVAL_MS) return;
    lastMarked = Date.now();
    markSynced(store, new Date());
  };

  const socket = new HocuspocusProviderWebsocket({ url: websocketUrl(account.server), delay: 1_000, minDelay: 1_000, maxDelay: 5_000, maxAttempts: 0 });
  const channels: Channel[] = [];
  /** Articles found over the size limit (id@version), so they are not read again on every pass. */
  const oversized = new Set<string>();
  /** True while a pass writes local storage: those writes are the pass's own, not changes to send. */
  let applying = false;

  function open(name: string, scope: NoteScope, kind: ChannelKind): Channel {
    const doc = new Y.Doc();
    const personal = scope === null;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: account.session.token,
      onSynced: () => schedule(channel, 'all', 0),
      onAuthenticationFailed: ({ reason }) => {
        // The reader's own document refused: the session is over. A group one: membership changed.
        if (!personal) return;
        authFailed = reason;
        set({ state: 'error', reason: { key: 'session', detail: reason } });
      },
      onClose: ({ event }) => {
        // The server closes a document with a reason when it refused what this device sent.
        if (event.reason && !authFailed) set({ state: 'error', reason: { key: 'server', detail: event.reason } });
      },
    });
    const channel: Channel = { doc, provider, scope, kind, baseKey: personal && kind === 'notes' ? accountKey(account) : `${accountKey(account)}|${name}`, pending: 'all' };
    // Changes from the server: only the articles whose notes changed need a look.
    doc.getMap(NOTES_MAP).observe((event) => {
      if (event.transaction.origin === LOCAL_ORIGIN) return;
      const notes = doc.getMap(NOTES_MAP);
      schedule(
        channel,
        [...event.keysChanged].map((id) => claimedArticle(notes.get(id) ?? event.changes.keys.get(id)?.oldValue)),
      );
    });
    // Anything else from the server (progress, tombstones): a pass over what the notes events queued.
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL_ORIGIN) schedule(channel, []);
    });
    provider.on('unsyncedChanges', () => {
      if (!provider.hasUnsyncedChanges && online(channels[0]!)) marked();
      showState();
    });
    channels.push(channel);
    return channel;
  }

  const online = (channel: Channel) => socket.status === WebSocketStatus.Connected && channel.provider.isSynced && !authFailed;

  function showState(): void {
    if (authFailed) return;
    const personal = channels[0]!;
    if (refused) set({ state: 'error', reason: { key: 'refused' } });
    else if (!online(personal)) set({ state: 'offline' });
    else set({ state: channels.some((c) => c.provider.hasUnsyncedChanges) ? 'syncing' : 'synced' });
  }

  function pass(channel: Channel): void {
    if (!online(channel)) return showState();
    if (ARTICLE_KINDS.has(channel.kind)) return void articlesPass(channel);
    const scope = channel.pending;
    channel.pending = new Set();
    const articles = scope === 'all' ? undefined : scope;
    // What the pass writes locally is announced by the store like any change; it is not new work here.
    applying = true;
    let result: SyncPassResult;
    let entities: ReturnType<typeof syncEntitiesPass> | null;
    try {
      result = channel.kind === 'mirror' && channel.scope ? mirrorGroupNotes(store, channel.doc, channel.scope) : syncNotesPass(store, channel.doc, channel.baseKey, new Date(), articles, channel.scope);
      // The reader's own document also holds the entity corrections and name lists (small: always compared whole).
      entities = channel.kind === 'notes' && channel.scope === null ? syncEntitiesPass(store, channel.doc, channel.baseKey) : null;
    } finally {
      applying = false;
    }
    conflicts += result.conflicts;
    refused = result.refused > 0 || (entities?.refused ?? 0) > 0 || libraryRefused;
    if (!channel.provider.hasUnsyncedChanges && channel === channels[0]) marked();
    showState();
  }

  let libraryRefused = false;
  /** Imported articles: the reader's library, what they share with a group, what others share. IndexedDB, so asynchronous. */
  async function articlesPass(channel: Channel): Promise<void> {
    if (channel.running) return schedule(channel, 'all');
    channel.running = true;
    channel.pending = new Set();
    try {
      if (channel.kind === 'library') {
        const result = await syncLibraryPass(store, db, channel.doc, channel.baseKey, oversized);
        libraryRefused = result.refused > 0;
        refused ||= libraryRefused;
        tooLarge = result.tooLarge;
      } else if (channel.kind === 'shelf' && channel.scope) {
        await publishGroupArticles(db, channel.doc, channel.scope.group, oversized);
      } else if (channel.scope) {
        const result = await mirrorGroupArticles(db, channel.doc, channel.scope);
        refused ||= result.refused > 0;
      }
    } finally {
      channel.running = false;
    }
    showState();
  }

  /** Queue a pass over some articles (an undefined id, or 'all': everything). */
  function schedule(channel: Channel, articles: Iterable<string | undefined> | 'all' = 'all', delay = PASS_DELAY_MS): void {
    if (articles === 'all') channel.pending = 'all';
    else if (channel.pending !== 'all') {
      const queued = channel.pending;
      for (const id of articles) {
        if (id === undefined) channel.pending = 'all';
        else queued.add(id);
      }
    }
    clearTimeout(channel.timer);
    channel.timer = setTimeout(() => pass(channel), delay);
  }
  const scheduleAll = (articles: Iterable<string | undefined> | 'all' = 'all') => {
    for (const channel of channels) if (!READ_ONLY_KINDS.has(channel.kind)) schedule(channel, articles === 'all' ? 'all' : [...articles]);
  };

  open(personalDocumentName(me), null, 'notes');
  open(libraryDocumentName(me), null, 'library');
  for (const group of account.session.groups) {
    open(groupDocumentName(group.name, me), { group: group.name, author: me }, 'notes');
    for (const member of group.members) if (member !== me) open(groupDocumentName(group.name, member), { group: group.name, author: member }, 'mirror');
    open(groupArticlesDocumentName(group.name, me), { group: group.name, author: me }, 'shelf');
    for (const member of group.members) if (member !== me) open(groupArticlesDocumentName(group.name, member), { group: group.name, author: member }, 'shelf-mirror');
  }

  // Groups joined or left since signing in: saved, and the runtime restarts the engine with the new documents.
  let stopped = false;
  async function refreshMembership(): Promise<void> {
    const check = await fetchSession(account.server, account.session.token);
    if (stopped || !check.ok) return;
    if (refreshGroups(store, check.session)) syncAccountChanges.set(syncAccountChanges.get() + 1);
  }
  const membership = setInterval(() => void refreshMembership(), GROUPS_REFRESH_MS);

  socket.on('status', () => {
    showState();
    if (socket.status === WebSocketStatus.Connected) {
      scheduleAll('all');
      void refreshMembership();
    }
  });
  // Local changes, this tab's and other tabs', as the stores announce them: notes, progress,
  // corrections and lists go to the documents that hold them; articles to the library and shelves.
  // Sync bookkeeping (the account, what was agreed) is not a change to sync.
  const stopStore = store.subscribe((change) => {
    if (applying || !SYNCED_DOMAINS.has(change.domain)) return;
    scheduleAll(change.articleIds);
  });
  const stopDb = db.subscribe((change) => {
    if (change.domain === 'articles') for (const channel of channels) if (channel.kind === 'library' || channel.kind === 'shelf') schedule(channel);
  });
  const periodic = setInterval(() => scheduleAll('all'), PERIODIC_PASS_MS);
  const onOnline = () => socket.connect();
  globalThis.addEventListener?.('online', onOnline);

  set({ state: 'offline' });
  for (const channel of channels) channel.provider.attach();

  return () => {
    stopped = true;
    clearInterval(membership);
    clearInterval(periodic);
    stopStore();
    stopDb();
    globalThis.removeEventListener?.('online', onOnline);
    for (const channel of channels) {
      clearTimeout(channel.timer);
      channel.provider.destroy();
      channel.doc.destroy();
    }
    socket.destroy();
    syncStatus.set({ state: 'off', conflicts: 0 });
  };
}
