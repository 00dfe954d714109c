import * as Y from 'yjs';
import { groupArticlesDocumentName, groupDocumentName, libraryDocumentName, NOTES_MAP, personalDocumentName } from '../schema/sync-documents';
import { GROUPS_CHANGED } from '../schema/sync-protocol';
import type { StoreChange, StoreDomain } from '../storage/changes';
import type { IdbStore } from '../storage/idb-store';
import type { Store } from '../storage/storage';
import { accountKey, markSynced, refreshGroups, type SyncAccount } from './account-store';
import { readCloseReason } from './close-reasons';
import { syncEntitiesPass } from './entities-sync';
import { mirrorGroupArticles, publishGroupArticles, syncLibraryPass } from './library-sync';
import { claimedArticle, LOCAL_ORIGIN, mirrorGroupNotes, syncNotesPass, type NoteScope, type SyncPassResult } from './notes-sync';
import type { SessionCheck } from './session-client';

/**
 * The running sync for a signed-in reader. Over one connection (the transport, injected: Hocuspocus
 * in the app, an in-memory server in the tests):
 * - the reader's own document (private notes, reading progress, entity corrections and name lists);
 * - the reader's library document (imported articles, from IndexedDB);
 * - per group, the articles the reader shares with it (written here) and those each other member
 *   shares (read-only, mirrored into the library);
 * - per group, the reader's own notes in it (written here) and each other member's (read-only,
 *   mirrored into local storage).
 * A pass (notes-sync, entities-sync, library-sync) runs whenever either side of a document changes:
 * the stores announce local changes (core/storage/changes.ts), the documents remote ones. Passes run
 * only while connected and synced with the server, so what this device records as agreed is what
 * the server has; offline, changes simply stay in local storage until it returns. The engine writes
 * only through the stores, which announce what it wrote like any other change.
 */

/**
 * What the Settings → Sync panel shows. `reason.key` is an i18n key under sync:errors; `detail` the
 * server's own words where it gave some (a refused change).
 */
export type SyncState = 'off' | 'synced' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  readonly state: SyncState;
  readonly reason?: { readonly key: string; readonly detail?: string };
  /** Conflict copies made since the page opened. */
  readonly conflicts: number;
  /** Groups the reader was taken out of since the page opened (their notes stay on the device). */
  readonly groupsLeft?: readonly string[];
  /** Imported articles kept off the server for being over SYNC_LIMITS.articleBytes. */
  readonly tooLarge?: number;
}

/** What the engine needs of a connection to the sync server: one socket, documents over it. */
export interface SyncTransport {
  /** Opens one document by name, kept in step with `doc`. */
  open(name: string, doc: Y.Doc, events: DocumentEvents): SyncDocument;
  /** Whether the connection is up. */
  readonly connected: boolean;
  /** Called whenever the connection goes up or down. Returns an unsubscribe. */
  onConnectionChange(listener: () => void): () => void;
  destroy(): void;
}

export interface DocumentEvents {
  /** The document and the server have exchanged everything (after opening, after a reconnection). */
  onSynced(): void;
  /** The server refused the session for this document. */
  onAuthenticationFailed(reason: string): void;
  /** The server closed this document's connection, with its reason (a refused change, a removed membership). */
  onClose(close: { readonly code?: number; readonly reason: string }): void;
  /** Changes made here are, or are no longer, waiting for the server's acknowledgement. */
  onUnsyncedChanges(): void;
  /** A notice from the server on this document (sync-protocol.ts: GROUPS_CHANGED). */
  onStateless(payload: string): void;
}

export interface SyncDocument {
  /** Synced with the server since the connection last came up. */
  readonly synced: boolean;
  /** Changes made here that the server has not acknowledged yet. */
  readonly unsyncedChanges: boolean;
  /** Starts syncing (documents are opened first, then all attached together). */
  attach(): void;
  destroy(): void;
}

export interface SyncTiming {
  /** A pass waits this long for more changes to gather. */
  readonly passDelayMs: number;
  /** A pass now and then catches changes that no event announced. */
  readonly periodicPassMs: number;
  /** "Last synced" is stored at most this often: each write reaches every other open tab. */
  readonly markIntervalMs: number;
  /** How often the reader's groups are asked again (membership changes while signed in). */
  readonly groupsRefreshMs: number;
}

export const DEFAULT_TIMING: SyncTiming = { passDelayMs: 150, periodicPassMs: 15_000, markIntervalMs: 5_000, groupsRefreshMs: 20_000 };

export interface SyncEngineOptions {
  readonly store: Store;
  readonly db: IdbStore;
  readonly account: SyncAccount;
  readonly transport: SyncTransport;
  /** Asks the server for the session as it is now (GET /me): groups joined or left. */
  readonly fetchSession: () => Promise<SessionCheck>;
  readonly onStatus: (status: SyncStatus) => void;
  /** The reader's groups changed and were saved: the caller starts the engine again with the new documents. */
  readonly onGroupsChanged: () => void;
  /** Conflict copies counted before this start (the count spans restarts within a page). */
  readonly conflicts?: number;
  /** Groups left before this start (a change of groups restarts the engine). */
  readonly groupsLeft?: readonly string[];
  readonly timing?: Partial<SyncTiming>;
}

export interface SyncEngine {
  /** Resolves once no pass is waiting or running (for tests and for signing out cleanly). */
  idle(): Promise<void>;
  /** Asks the server for the reader's groups now (the server said they changed, or a poll). */
  refreshMembership(): Promise<void>;
  stop(): void;
}

/** Local changes that are synced (the rest, like settings or the sync bookkeeping itself, stay on the device). */
const SYNCED_DOMAINS: ReadonlySet<StoreDomain> = new Set(['notes', 'progress', 'corrections', 'entity-lists']);

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
  readonly remote: SyncDocument;
  readonly scope: NoteScope;
  readonly kind: ChannelKind;
  readonly baseKey: string;
  /** What the next pass must look at: some articles, or everything. */
  pending: Set<string> | 'all';
  timer?: ReturnType<typeof setTimeout>;
  /** A pass over IndexedDB is running (one at a time). */
  running?: Promise<void>;
  /** Why the server closed this document, until it is synced again. */
  closed?: string;
}

export function startSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, db, account, transport } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const me = account.session.user;
  let conflicts = options.conflicts ?? 0;
  let groupsLeft = options.groupsLeft ?? [];
  let refused = false;
  let libraryRefused = false;
  /** The session is over on the server (signed out, account removed): the i18n key that says so. */
  let sessionEnded: string | null = null;
  let tooLarge = 0;
  let stopped = false;
  let status: SyncStatus = { state: 'offline', conflicts };
  const set = (next: Omit<SyncStatus, 'conflicts' | 'tooLarge' | 'groupsLeft'>) => {
    status = { ...next, conflicts, tooLarge, ...(groupsLeft.length ? { groupsLeft } : {}) };
    options.onStatus(status);
  };
  let lastMarked = 0;
  const marked = () => {
    if (Date.now() - lastMarked < timing.markIntervalMs) return;
    lastMarked = Date.now();
    markSynced(store, new Date());
  };

  const channels: Channel[] = [];
  /** Articles found over the size limit (id@version), so they are not read again on every pass. */
  const oversized = new Set<string>();
  /** True while a pass writes local storage: those writes are the pass's own, not changes to send. */
  let applying = false;

  function open(name: string, scope: NoteScope, kind: ChannelKind): Channel {
    const doc = new Y.Doc();
    const personal = scope === null;
    const channel: Channel = {
      doc,
      scope,
      kind,
      baseKey: personal && kind === 'notes' ? accountKey(account) : `${accountKey(account)}|${name}`,
      pending: 'all',
      remote: transport.open(name, doc, {
        onSynced: () => {
          channel.closed = undefined;
          schedule(channel, 'all', 0);
        },
        onAuthenticationFailed: (reason) => {
          const read = readCloseReason(reason);
          if (read.kind === 'session') return endSession(read.key);
          // A group document refused: the reader (or its author) left the group. Ask for the groups now.
          if (!personal || read.kind === 'membership') return void refreshMembership();
          if (read.kind === 'transient') return;
          sessionEnded = 'session';
          set({ state: 'error', reason: { key: 'session', detail: reason } });
        },
        onClose: ({ reason }) => {
          const read = readCloseReason(reason);
          if (read.kind === 'session') return endSession(read.key);
          if (read.kind === 'membership') return void refreshMembership();
          // The server restarting or its storage down: the connection comes back and the device sends
          // again what was not acknowledged; "offline" meanwhile says enough.
          if (read.kind === 'transient') return;
          // It refused what this device sent: shown until the document is synced again.
          channel.closed = read.detail;
          showState();
        },
        onStateless: (payload) => {
          // The server says the reader's groups (or their members) changed: ask now, not at the next poll.
          if (personal && payload === GROUPS_CHANGED) void refreshMembership();
        },
        onUnsyncedChanges: () => {
          if (!channel.remote.unsyncedChanges && online(channels[0]!)) marked();
          showState();
        },
      }),
    };
    // Changes from the server: only the articles whose notes changed need a look.
    doc.getMap(NOTES_MAP).observe((event) => {
      if (event.transaction.origin === LOCAL_ORIGIN) return;
      const notes = doc.getMap(NOTES_MAP);
      schedule(
        channel,
        [...event.keysChanged].map((id) => claimedArticle(notes.get(id) ?? event.changes.keys.get(id)?.oldValue)),
      );
    });
    // Anything else from the server (progress, tombstones, articles): a pass over what the notes events queued.
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== LOCAL_ORIGIN) schedule(channel, []);
    });
    channels.push(channel);
    return channel;
  }

  const online = (channel: Channel) => transport.connected && channel.remote.synced && !sessionEnded;

  /** Signed out on the server: nothing more is sent or received; everything local stays. */
  function endSession(key: string): void {
    if (sessionEnded || stopped) return;
    sessionEnded = key;
    clearInterval(membership);
    set({ state: 'error', reason: { key } });
  }

  function showState(): void {
    if (sessionEnded || stopped) return;
    const personal = channels[0]!;
    // A document closed while the connection stays up was refused; the connection going down is just offline.
    const closed = transport.connected ? channels.find((c) => c.closed !== undefined)?.closed : undefined;
    if (closed !== undefined) set({ state: 'error', reason: { key: 'refusedChange', detail: closed } });
    else if (refused) set({ state: 'error', reason: { key: 'refused' } });
    else if (!online(personal)) set({ state: 'offline' });
    else set({ state: channels.some((c) => c.remote.unsyncedChanges) ? 'syncing' : 'synced' });
  }

  function pass(channel: Channel): void {
    channel.timer = undefined;
    if (stopped) return;
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
    if (!channel.remote.unsyncedChanges && channel === channels[0]) marked();
    showState();
  }

  /** Imported articles: the reader's library, what they share with a group, what others share. IndexedDB, so asynchronous. */
  function articlesPass(channel: Channel): void {
    if (channel.running) return schedule(channel, 'all');
    channel.pending = new Set();
    channel.running = (async () => {
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
    })().finally(() => {
      channel.running = undefined;
      showState();
    });
  }

  /** Queue a pass over some articles (an undefined id, or 'all': everything). */
  function schedule(channel: Channel, articles: Iterable<string | undefined> | 'all' = 'all', delay = timing.passDelayMs): void {
    if (stopped) return;
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
  const scheduleAll = (articles: readonly string[] | 'all') => {
    for (const channel of channels) if (!READ_ONLY_KINDS.has(channel.kind)) schedule(channel, articles);
  };

  open(personalDocumentName(me), null, 'notes');
  open(libraryDocumentName(me), null, 'library');
  for (const group of account.session.groups) {
    open(groupDocumentName(group.name, me), { group: group.name, author: me }, 'notes');
    for (const member of group.members) if (member !== me) open(groupDocumentName(group.name, member), { group: group.name, author: member }, 'mirror');
    open(groupArticlesDocumentName(group.name, me), { group: group.name, author: me }, 'shelf');
    for (const member of group.members) if (member !== me) open(groupArticlesDocumentName(group.name, member), { group: group.name, author: member }, 'shelf-mirror');
  }

  // Groups joined or left since signing in: saved, and the caller starts the engine again with the new documents.
  // One question at a time: a membership change closes many group documents at once, each asking.
  let asking: Promise<void> | null = null;
  function refreshMembership(): Promise<void> {
    asking ??= askMembership().finally(() => (asking = null));
    return asking;
  }
  async function askMembership(): Promise<void> {
    const check = await options.fetchSession();
    if (stopped || !check.ok) return;
    const now = new Set(check.session.groups.map((g) => g.name));
    const left = account.session.groups.map((g) => g.name).filter((name) => !now.has(name));
    if (!refreshGroups(store, check.session)) return;
    groupsLeft = [...groupsLeft.filter((name) => !now.has(name)), ...left.filter((name) => !groupsLeft.includes(name))];
    showState();
    options.onGroupsChanged();
  }
  const membership = setInterval(() => void refreshMembership(), timing.groupsRefreshMs);

  const stopConnection = transport.onConnectionChange(() => {
    // A new connection starts afresh: a document the server still refuses closes again.
    for (const channel of channels) channel.closed = undefined;
    showState();
    if (transport.connected) {
      scheduleAll('all');
      void refreshMembership();
    }
  });
  // Local changes, this tab's and other tabs', as the stores announce them: notes, progress,
  // corrections and lists go to the documents that hold them; articles to the library and shelves.
  const onLocalChange = (change: StoreChange) => {
    if (applying || !SYNCED_DOMAINS.has(change.domain)) return;
    scheduleAll(change.articleIds);
  };
  const stopStore = store.subscribe(onLocalChange);
  const stopDb = db.subscribe((change) => {
    if (change.domain === 'articles') for (const channel of channels) if (channel.kind === 'library' || channel.kind === 'shelf') schedule(channel);
  });
  const periodic = setInterval(() => scheduleAll('all'), timing.periodicPassMs);

  set({ state: 'offline' });
  for (const channel of channels) channel.remote.attach();

  return {
    async idle() {
      for (;;) {
        const busy = channels.filter((c) => c.timer !== undefined || c.running);
        if (busy.length === 0 || stopped) return;
        await Promise.all(busy.map((c) => c.running ?? new Promise((resolve) => setTimeout(resolve, timing.passDelayMs + 1))));
      }
    },
    refreshMembership,
    stop() {
      stopped = true;
      clearInterval(membership);
      clearInterval(periodic);
      stopConnection();
      stopStore();
      stopDb();
      for (const channel of channels) {
        clearTimeout(channel.timer);
        channel.timer = undefined;
        channel.remote.destroy();
        channel.doc.destroy();
      }
      transport.destroy();
      // Stopped for a restart (groups changed) or a sign-out: what the page has seen so far stays with the status.
      options.onStatus({ state: 'off', conflicts, ...(groupsLeft.length ? { groupsLeft } : {}) });
    },
  };
}
