import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Block } from '../../core/article/article';
import type { Decoration } from '../../core/decorations/runs';
import { ENTITY_TYPES, entityTypeLabelKey, type EntityType } from '../../core/entities/entity-types';
import { absoluteLink } from '../../core/links/routes';
import { copyText } from '../../shared/clipboard';
import { createReaderHandle, type ReaderHandleHost } from '../../shared/reader-handle';
import { useToast } from '../../shared/toast';
import { navigate } from '../../shared/use-route';
import { blockWords } from '../../core/article/reading-time';
import { ReadingProgressBar } from './ReadingProgressBar';
import { KeysSheet } from './KeysSheet';
import { useMarginMode, type MarginMode } from './use-margin-mode';
import { DatelineLine } from './DatelineLine';
import { SourcesLine } from './SourcesLine';
import { BlockView, type BlockViewProps } from './BlockView';
import { useSaveProgress, useSavedProgress } from './progress-query';
import { useProgressiveCount } from './use-progressive-count';
import { useKeepSelection } from './use-keep-selection';
import { useReaderKeyboard } from './use-reader-keyboard';
import { useReadingPosition } from './use-reading-position';
import { isHiddenMark, useSkipHiddenMarks } from './use-skip-hidden-marks';

export interface ReaderViewProps {
  article: Article;
  targetBlockId?: string;
  /** Decorations per block id (entity mentions, highlights, a shared passage...). */
  decorations?: ReadonlyMap<string, readonly Decoration[]>;
  /** Entity types whose marks are switched off: done in CSS so toggling re-renders nothing. */
  hiddenEntityTypes?: readonly string[];
  /** All entity marks shown as plain text (CSS only, like hidden types). */
  entitiesOff?: boolean;
  /** Extra notices above the article (e.g. the legend, an offer to bring notes over). */
  notices?: ReactNode;
  /**
   * Messages that matter (a shared passage, a read-only article, a link problem): they stay in view
   * under the top bar, wherever the article is scrolled to, until the reader dismisses them.
   */
  alerts?: ReactNode;
  /**
   * What goes in the margin beside the text (the notes), given how much room there is: a column of
   * its own on a wide screen ('notes'), or only a narrow gutter ('markers').
   */
  margin?: (mode: MarginMode) => ReactNode;
  /**
   * The handle the features reach the article through (activation of marks, what is on screen, one
   * scheduler, geometry). The reader screen creates it and hands it to the features too; without
   * one the view makes its own.
   */
  reader?: ReaderHandleHost;
}

const NO_DECORATIONS: readonly Decoration[] = [];

export function ReaderView({ article, targetBlockId, decorations, hiddenEntityTypes = [], entitiesOff = false, notices, alerts, margin, reader: given }: ReaderViewProps) {
  const { t } = useTranslation('reader');
  const toast = useToast();
  const articleRef = useRef<HTMLElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const marginMode = useMarginMode(columnRef);
  const saved = useSavedProgress(article.id);
  const [own] = useState(createReaderHandle);
  const reader = given ?? own;

  const [keysOpen, setKeysOpen] = useState(false);
  useReaderKeyboard(reader, articleRef, {
    onLibrary: () => navigate({ name: 'library' }),
    onKeys: () => setKeysOpen(true),
    ends: { first: t('keys.firstParagraph'), last: t('keys.lastParagraph') },
  });
  useSkipHiddenMarks();
  useKeepSelection(articleRef, article, decorations);
  const saveProgress = useSaveProgress(article.id);
  const mounted = useProgressiveCount(reader, article.blocks);
  // The handle reads this article's DOM; blocks mounted since change what is on screen. A layout
  // effect: the features' own layout effects (the screen's, which run after this child's) see it.
  useLayoutEffect(() => {
    const root = articleRef.current;
    return root ? reader.bind({ root, article, isHidden: isHiddenMark }) : undefined;
  }, [reader, article]);
  useLayoutEffect(() => reader.invalidateLayout(mounted), [reader, mounted]);
  // Arrive (at a linked block or where the reader left off) once that block is mounted. The saved
  // position is the one found on opening: it changes while reading, the arrival must not.
  const [savedOnOpen] = useState(saved);
  const arrivalId = targetBlockId ?? savedOnOpen?.blockId;
  const arrivalIndex = arrivalId ? article.blocks.findIndex((b) => b.id === arrivalId) : -1;
  // The block that is the article's Tab stop: the last one focused, else where the reader arrived.
  const [focusedBlock, setFocusedBlock] = useState<string | null>(null);
  const currentBlock = focusedBlock ?? (arrivalIndex >= 0 ? arrivalId : article.blocks[0]?.id);
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const id = (event.target as Element).closest<HTMLElement>('[data-block-id]')?.dataset.blockId;
    if (id) setFocusedBlock(id);
  }, []);
  const words = useMemo(() => blockWords(article), [article]);
  const blockIndex = useMemo(() => new Map(article.blocks.map((block, i) => [block.id, i])), [article]);
  useReadingPosition(articleRef, article.id, targetBlockId, saved, saveProgress, words, blockIndex, arrivalIndex < mounted);

  // One translation per type, not one per mark (a long article has thousands of marks).
  const entityDescriptions = useMemo(
    () => new Map<EntityType, string>(ENTITY_TYPES.map((type) => [type, t(entityTypeLabelKey(type), { defaultValue: type })])),
    [t],
  );
  const describeEntity = useCallback((type: EntityType) => entityDescriptions.get(type) ?? type, [entityDescriptions]);
  const onClick = useCallback(
    async (event: MouseEvent<HTMLElement>) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-action="link-block"]');
      if (!link) return reader.handleEvent(event.nativeEvent);
      event.preventDefault();
      const blockId = link.closest<HTMLElement>('[data-block-id]')?.dataset.blockId;
      if (!blockId) return;
      const url = absoluteLink({ name: 'article', articleId: article.id, blockId }, window.location.href);
      const copied = await copyText(url);
      toast(copied ? t('linkCopied') : t('linkCopyFailed', { url }), copied ? 'info' : 'error');
    },
    [article.id, t, toast, reader],
  );
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => reader.handleEvent(event.nativeEvent), [reader]);

  const missingBlockId = targetBlockId && !article.blocks.some((b) => b.id === targetBlockId) ? targetBlockId : null;
  // Dismissed for this block id only: following another unknown paragraph link shows it again.
  const [dismissedMissing, setDismissedMissing] = useState<string | null>(null);
  const showMissing = missingBlockId !== null && missingBlockId !== dismissedMissing;
  const titleBlock = article.blocks[0];
  const linkLabel = t('linkToBlock');
  const blockProps = useMemo(() => ({ articleId: article.id, dir: article.dir, linkLabel, describeEntity }), [article.id, article.dir, linkLabel, describeEntity]);
  // The body in runs of blocks, each its own memoised component: a delivery of marks or a batch of
  // mounted blocks re-renders only the runs it touches, and React can yield between runs.
  const runs = useMemo(() => blockRuns(article.blocks), [article.blocks]);

  return (
    // One column: notices and the article stay together beside any side panel.
    <div ref={columnRef} className="reader-column" data-margin={margin ? marginMode : undefined}>
      <ReadingProgressBar article={articleRef} lang={article.lang} words={words} index={blockIndex} />
      {(showMissing || alerts) && (
        <div className="reader-alerts" data-reader-alerts="">
          {showMissing && (
            <div className="notice notice--warning" role="alert" data-block-not-found={missingBlockId}>
              <p>{t('blockNotFound')}</p>
              <div className="notice-actions">
                <button type="button" className="button button--small button--ghost" data-action="dismiss-notice" onClick={() => setDismissedMissing(missingBlockId)}>
                  {t('common:dismiss')}
                </button>
              </div>
            </div>
          )}
          {alerts}
        </div>
      )}
      {notices}
      <article
        ref={articleRef}
        className="article"
        lang={article.lang}
        dir={article.dir}
        data-article-id={article.id}
        data-hide-types={hiddenEntityTypes.join(' ')}
        data-entities-off={entitiesOff ? '' : undefined}
        onClick={onClick}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
      >
        <header className="article-header">
          {titleBlock && <BlockView block={titleBlock} {...blockProps} decorations={decorations?.get(titleBlock.id) ?? NO_DECORATIONS} current={titleBlock.id === currentBlock} />}
          {article.dateline && <DatelineLine dateline={article.dateline} dir={article.dir} />}
        </header>
        {runs.map((run) =>
          run.start < mounted ? <BlockRun key={run.start} blocks={run.blocks} count={Math.min(run.blocks.length, mounted - run.start)} decorations={decorations} current={currentBlock} {...blockProps} /> : null,
        )}
        {article.sources && mounted >= article.blocks.length && (
          <footer className="article-sources">
            <span className="sources-label">{t('sources')}</span> <SourcesLine sources={article.sources} dir={article.dir} />
          </footer>
        )}
      </article>
      {margin?.(marginMode)}
      {keysOpen && <KeysSheet onClose={() => setKeysOpen(false)} />}
    </div>
  );
}

/** Body blocks (all but the title) per run: a run never starts with a heading, so it stays with what follows. */
const RUN_BLOCKS = 40;

interface Run {
  /** Index in article.blocks of the run's first block. */
  readonly start: number;
  readonly blocks: readonly Block[];
}

function blockRuns(blocks: readonly Block[]): Run[] {
  const runs: Run[] = [];
  let start = 1;
  while (start < blocks.length) {
    let end = Math.min(blocks.length, start + RUN_BLOCKS);
    while (end < blocks.length && blocks[end]?.kind === 'heading') end += 1;
    runs.push({ start, blocks: blocks.slice(start, end) });
    start = end;
  }
  return runs;
}

interface BlockRunProps extends SharedBlockProps {
  readonly blocks: readonly Block[];
  /** How many of the run's blocks are mounted. */
  readonly count: number;
  readonly decorations: ReadonlyMap<string, readonly Decoration[]> | undefined;
  /** The id of the article's one Tab stop (roving tab index), wherever it is. */
  readonly current: string | undefined;
}

type SharedBlockProps = Pick<BlockViewProps, 'dir' | 'linkLabel' | 'describeEntity'> & { readonly articleId: string };

/** A run re-renders only when one of its own blocks' decorations changed, or more of it is mounted. */
function sameRun(a: BlockRunProps, b: BlockRunProps): boolean {
  if (a.blocks !== b.blocks || a.count !== b.count || a.articleId !== b.articleId || a.dir !== b.dir || a.linkLabel !== b.linkLabel || a.describeEntity !== b.describeEntity) return false;
  if (a.decorations === b.decorations && a.current === b.current) return true;
  for (let i = 0; i < a.count; i += 1) {
    const id = (a.blocks[i] as Block).id;
    if (a.decorations?.get(id) !== b.decorations?.get(id)) return false;
    // The Tab stop moved into or out of this run.
    if ((id === a.current) !== (id === b.current)) return false;
  }
  return true;
}

const BlockRun = memo(function BlockRun({ blocks, count, decorations, current, ...shared }: BlockRunProps) {
  return blocks.slice(0, count).map((block) => {
    const view = <BlockView key={block.id} block={block} {...shared} decorations={decorations?.get(block.id) ?? NO_DECORATIONS} current={block.id === current} />;
    return block.kind === 'caption' ? (
      <figure className="article-figure" key={block.id}>
        {/* An icon, not the 📷 emoji, which shows as an empty box where no emoji font is installed. */}
        <svg className="article-figure__icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M4 8h3l1.5-2h7L17 8h3v11H4zM12 10.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        {view}
      </figure>
    ) : (
      view
    );
  });
}, sameRun);
