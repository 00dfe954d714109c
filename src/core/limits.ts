/**
 * Every size limit on input, in one place: the importers, the link readers, the notes import and
 * the storage schemas all read these, so whatever one entry point accepts, the others (and the
 * store) accept too. Real Arabic news articles and notes sit far below every figure here.
 */

/** An article: what the parser may produce and what the article schema accepts from storage or links. */
export const ARTICLE_LIMITS = {
  idLength: 128,
  titleLength: 1_000,
  blockTextLength: 20_000,
  maxBlocks: 2_000,
  totalTextLength: 2_000_000,
  sourcesLength: 2_000,
  datelineLength: 200,
  /** A block id (the parser writes `p-` and a short hash). */
  blockIdLength: 64,
  /** A BCP 47 language tag. */
  langLength: 35,
  /** The file name an import came from. */
  fileNameLength: 300,
  /** A library card's lead and the revision digest of an article's text. */
  leadLength: 1_000,
  revisionLength: 20,
  /** Groups one imported article is shared with. */
  groups: 200,
} as const;

/** Files and pastes above this are refused before being read (articles are a few tens of KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** One annotation (highlight or note), from the editor, storage or a notes file. */
export const ANNOTATION_LIMITS = {
  note: 20_000,
  tags: 30,
  tag: 60,
  quote: 10_000,
  /** Stored context is 32 characters; leave room for imports from tools that keep a little more. */
  context: 256,
  id: 128,
  /** A sync group's or author's name on a shared note (SYNC_LIMITS.nameLength). */
  accountName: 64,
  /** The block id a note's target names (imports from other tools may carry longer ones than ours). */
  blockId: 512,
  /** An ISO timestamp as written (toISOString gives 24 characters; other tools' forms a few more). */
  timestamp: 64,
} as const;

/** Share links: what the app writes and the most it reads back. */
export const LINK_LIMITS = {
  /** A quote up to this long travels whole; a longer one as its first and last words. */
  quote: 500,
  /** Context accepted from a link on each side of the quote (we write 32). */
  context: 64,
  /** A note longer than this is shortened when it travels in a link. */
  note: 2_000,
  /** Longest link the app makes or reads, in characters; stated in the share panel. */
  link: 32_000,
  /** Decompressing a self-contained link stops here: a zip bomb cannot fill memory. */
  inflatedBytes: 2 * 1024 * 1024,
} as const;

/**
 * Fuzzy anchoring (finding a highlight or shared passage in text that changed): the most work one
 * anchoring may do, in characters of text scanned × 32-character blocks of the passage. Past it the
 * passage is treated as changed (a note becomes an orphan, a link shows its paragraph and quote).
 * Natural text needs a few million at most, even a 2-million-character article searched whole.
 */
export const FUZZY_LIMITS = {
  work: 6_000_000,
} as const;

/**
 * What the importers check before they parse or save (see docs/import.md). An import over any of
 * these is refused with a message (or, for over-long paragraphs and titles, reshaped) before
 * anything is written, so an "Imported" message always means the store accepted the article.
 */
export const IMPORT_LIMITS = {
  /** Elements nested deeper than this make the browser's parser and Readability slow (seconds). */
  htmlDepth: 256,
  /** Block-level tags counted in the raw HTML before parsing: far above any real article page. */
  htmlBlockTags: 20_000,
  /** A paragraph longer than this is cut at sentence boundaries (kept under blockTextLength). */
  paragraphSplitAt: 4_000,
  /** A first line longer than this is not a title: it is cut into a title and a paragraph. */
  titleMaxLength: 300,
  /** The bookmarklet's message: the page's HTML, URL and title. */
  bookmarkletHtmlLength: MAX_IMPORT_BYTES,
  bookmarkletUrlLength: 2_000,
  /** Files taken in one drop or pick. */
  filesAtOnce: 20,
  /** Notes merged per slice of a notes import (the main thread is given back between slices). */
  notesPerSlice: 5_000,
  /** Annotations accepted from one notes file. */
  notesPerFile: 100_000,
} as const;

/** Filter boxes (the reader's names panel, the names page): a name needs no more than this. */
export const FILTER_LIMITS = {
  /** Characters of a filter query that are read; the box itself stops here too. */
  query: 100,
  /** Words of a query that are matched. */
  words: 8,
} as const;

/** The library's search box: a passage is found by a few of its words; a pasted page is not read whole. */
export const SEARCH_LIMITS = {
  /** Characters of a search query that are read; the box itself stops here too. */
  query: 200,
  /** Words of a query that are looked up (every one must match). */
  words: 12,
} as const;

/** Rendering an article's decorations. */
export const DECORATION_LIMITS = {
  /**
   * Highlights nested around one stretch of text: the topmost (last) this many are rendered. More
   * look no different and only cost layout (12,000 on one word held the page 13 s); every highlight
   * is still listed in the notes panel.
   */
  highlightsPerRun: 16,
} as const;

/**
 * localStorage, where notes, settings and reading positions live (imported articles are in IndexedDB).
 * Browsers give a site about 5 M characters of keys and values (Chromium: measured 5,242,880 with
 * scripts/bench-notes.ts); a note with its 32-character context takes about 500, so some 10,000
 * notes fit (docs/security.md).
 */
export const LOCAL_STORAGE_LIMITS = {
  /** What the app expects a browser to hold: the notes import's first guess at how many notes fit. */
  expectedChars: 5_242_880,
  /** Notes that fit in it (about 500 characters each, with nothing else stored): said in the "storage full" messages. */
  notesThatFit: 10_000,
} as const;

/** Optional sync (core/sync, server/): what one message, one document and one login may carry. */
export const SYNC_LIMITS = {
  /** One websocket message from a client; a device pushes its notes in batches below this. */
  messageBytes: 2 * 1024 * 1024,
  /**
   * One imported article as it travels (JSON, UTF-8): each goes in a message of its own, so it stays
   * under messageBytes. Larger articles (a book-length import) stay on the device that has them.
   */
  articleBytes: 1_900_000,
  /** Everything stored in one synced document (a reader's notes, or one author's notes in a group). */
  documentBytes: 64 * 1024 * 1024,
  /** Notes a device sends in one Yjs transaction when it first pushes everything it has. */
  notesPerBatch: 500,
  /** User and group names. */
  nameLength: ANNOTATION_LIMITS.accountName,
  /** A synced entity correction's or personal list's name text; longer ones stay on their device. */
  nameTextLength: 500,
  /** A synced correction's id and block id. */
  entryIdLength: 128,
  /** A synced map's key (an annotation, article or correction id). */
  mapKeyLength: 512,
  /** An entry's version digest in a synced map. */
  versionLength: 40,
  /** The block a synced reading position names. */
  progressBlockIdLength: 200,
  /** A session token (base64url payload and signature). */
  tokenLength: 2_000,
  passwordLength: 256,
  /** A login request body. */
  loginBytes: 4 * 1024,
  /**
   * Failed sign-ins for one user name from one address that cost nothing; after them each attempt
   * from that address for that name waits signInDelayMs, doubling with each further failure up to
   * signInMaxDelayMs. Other addresses, and devices holding a valid token, are never slowed.
   */
  signInFreeFailures: 3,
  signInDelayMs: 1_000,
  signInMaxDelayMs: 15 * 60_000,
  /** A websocket must authenticate a document within this, or it is closed. */
  authTimeoutMs: 10_000,
  /** An authentication message: a document name and a token (a few hundred bytes). */
  authMessageBytes: 4 * 1024,
  /**
   * Before a socket has authenticated, it may send only authentications and, for the documents it
   * asked for, the provider's opening messages (each a state vector: a few KB, tens of KB for a
   * document written from thousands of sessions), this much each and in all. The provider sends them
   * for every document at once, before any answer (a reader in several groups opens dozens).
   */
  preAuthMessageBytes: 256 * 1024,
  preAuthBytes: 1024 * 1024,
  /** Per socket: a burst, then a steady rate; a socket over it is paused until it is back in budget. */
  socketBurstBytes: 16 * 1024 * 1024,
  socketBytesPerSecond: 2 * 1024 * 1024,
  socketBurstMessages: 5_000,
  socketMessagesPerSecond: 500,
  /** Documents one socket may open (a reader in many large groups opens two per member). */
  documentsPerSocket: 2_000,
  /** Presence (awareness) messages: the app sends none with content; Hocuspocus's empty one is tiny. */
  awarenessBytes: 1_024,
  /** Session tokens expire after this. */
  tokenLifetimeMs: 30 * 24 * 60 * 60 * 1000,
  /** A server address typed in Settings. */
  serverUrlLength: 2_000,
} as const;
