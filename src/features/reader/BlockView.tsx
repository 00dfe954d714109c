import { memo, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Block, TextDirection } from '../../core/article/article';
import { paintsOf } from '../../core/decorations/paints';
import { segmentText, type Decoration, type MarkDecoration, type Run } from '../../core/decorations/runs';
import { routeToHash } from '../../core/links/routes';
import { paintText } from '../../shared/range-paint';
import { BidiText } from './BidiText';
import { entityTypeClass, type EntityType } from '../../core/entities/entity-types';

export interface BlockViewProps {
  block: Block;
  dir: TextDirection;
  /** The article the block belongs to (its paragraph link). */
  articleId: string;
  decorations: readonly Decoration[];
  linkLabel: string;
  describeEntity: (type: EntityType) => string;
  /**
   * The article's one Tab stop (a roving tab index): this block, its names and its link are in the
   * Tab order; other blocks are reached with j/k (or by their names' and notes' own keys).
   */
  current: boolean;
}

const TAGS = { title: 'h1', heading: 'h2', lead: 'p', paragraph: 'p', quote: 'blockquote', caption: 'figcaption' } as const;

function RunView({ run, dir }: { run: Run; dir: TextDirection }) {
  let content: ReactNode = <BidiText text={run.text} dir={dir} />;
  // Later marks paint on top: wrap from the first to the last so the last is innermost.
  for (const mark of run.marks) content = <MarkView mark={mark}>{content}</MarkView>;
  return <>{content}</>;
}

function MarkView({ mark, children }: { mark: MarkDecoration; children: ReactNode }) {
  switch (mark.kind) {
    case 'highlight':
      return (
        <mark
          className={`highlight highlight--${mark.variant ?? 'yellow'}${mark.owner ? ' highlight--others' : ''}`}
          data-annotation-id={mark.id}
          data-highlight-author={mark.owner}
          title={mark.owner ? mark.label : undefined}
          aria-description={mark.label}
        >
          {children}
        </mark>
      );
    case 'focus':
      return <mark className="text-focus">{children}</mark>;
    case 'shared':
      return (
        <mark className="shared-passage" data-shared-passage={mark.id}>
          {children}
        </mark>
      );
  }
}

/**
 * One article block: its text cut into decorated runs (elements around whole words only), the
 * exact spans of its marks painted as ranges over that text, and its paragraph-link control.
 */
export const BlockView = memo(function BlockView({ block, dir, articleId, decorations, linkLabel, describeEntity, current }: BlockViewProps) {
  const Tag = TAGS[block.kind];
  const tabIndex = current ? 0 : -1;
  const segments = useMemo(() => segmentText(block.text, decorations), [block.text, decorations]);
  const paints = useMemo(() => paintsOf(segments), [segments]);
  const textRef = useRef<HTMLSpanElement>(null);
  // After the runs are in the DOM (and again whenever they change), before the browser paints.
  useLayoutEffect(() => {
    if (!textRef.current) return;
    const painted = paintText(textRef.current, paints);
    return () => painted.clear();
  }, [paints]);
  const body = (
    // Size guess for a block far from the viewport (content-visibility: auto), about 75 letters a line.
    <span ref={textRef} className="block-text" data-block-text="" style={{ containIntrinsicBlockSize: `auto ${Math.ceil(block.text.length / 75) || 1}lh` }}>
      {segments.map((segment) => {
        const runs = segment.runs.map((run) => <RunView key={run.start} run={run} dir={dir} />);
        if (!segment.entity) return <span key={segment.start}>{runs}</span>;
        const { entity } = segment;
        return (
          <mark
            key={segment.start}
            className={`entity ${entityTypeClass(entity.type)}`}
            data-entity-type={entity.type}
            data-entity-id={entity.id}
            data-mention-index={entity.mentionIndex}
            // The name's exact span within the element's text: the element stands around whole
            // words, so it may also hold a clitic (the و of وترمب).
            data-name-start={entity.start - segment.start}
            data-name-end={entity.end - segment.start}
            tabIndex={tabIndex}
            role="button"
            aria-description={describeEntity(entity.type)}
          >
            {runs}
          </mark>
        );
      })}
    </span>
  );
  return (
    <Tag
      id={block.id}
      data-block-id={block.id}
      data-block-kind={block.kind}
      className={`block block--${block.kind}`}
      tabIndex={tabIndex}
      data-current={current ? '' : undefined}
    >
      {body}
      <a className="block-link" data-action="link-block" href={routeToHash({ name: 'article', articleId, blockId: block.id })} aria-label={linkLabel} tabIndex={tabIndex}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </a>
    </Tag>
  );
});
