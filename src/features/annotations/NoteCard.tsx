import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/use-format-date';
import type { Annotation } from '../../core/annotations/annotation';
import { ConflictCopyActions } from './ConflictCopyActions';
import { NoteText } from './NoteText';
import { truncateText } from '../../core/article/summary';
import { draftKey, useHasDraft } from './note-drafts';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import { useStore } from '../../shared/store-context';

interface NoteCardProps {
  annotation: Annotation;
  /** Scroll to the highlight (reader panel). */
  onSelect?: () => void;
  /** A link into the article (notebook): the quote and an "Open in article" action. */
  href?: string;
  /** Copy the highlight as a quotation with a link (notebook). */
  onCopy?: () => void;
  onEdit?: () => void;
  onDelete?: () => void;
  orphan?: boolean;
  /** Placed by fuzzy matching: the passage's text changed since the note was written. */
  approximate?: boolean;
  /** Other features' buttons for this highlight (e.g. share). */
  actions?: ReactNode;
  /**
   * In the margin beside its highlight: no quote (the highlight is beside it); 'collapsed' shows the
   * note's first lines alone, 'expanded' (the current note) all of it with its actions.
   */
  margin?: 'collapsed' | 'expanded';
}

/** Characters of a note shown in a collapsed margin note (more than its three lines hold). */
const COLLAPSED_LENGTH = 400;

/** One highlight: colour, quote, note, tags and date; everything rendered as text. */
export function NoteCard({ annotation, onSelect, href, onCopy, onEdit, onDelete, orphan = false, actions, approximate = false, margin }: NoteCardProps) {
  const { t } = useTranslation('annotations');
  const formatDate = useFormatDate('medium');
  const quote = annotation.target.selectors[0].exact;
  // Another member's group note is shown with its author and never edited here.
  const readOnly = isOthersNote(annotation, syncIdentity(useStore())?.user);
  const hasDraft = useHasDraft(draftKey({ annotationId: annotation.id }));
  const quoteView = (
    <blockquote className="note-card-quote" dir="auto">
      {quote}
    </blockquote>
  );
  if (margin === 'collapsed')
    return (
      <article className={`note-card note-card--${annotation.color} note-card--margin`} data-note-id={annotation.id}>
        {/* Whose it is, when it is another member's: the margin shows it beside the reader's own notes. */}
        {readOnly && annotation.author && (
          <p className="note-card-hint" data-note-author={annotation.author}>
            <bdi>{annotation.author}</bdi>
          </p>
        )}
        {/* Its first lines only: no need to lay out a long note (a pasted 20,000-letter word takes seconds). */}
        {annotation.note && <NoteText text={truncateText(annotation.note, COLLAPSED_LENGTH)} />}
        {hasDraft && (
          <span className="note-card-draft" data-note-draft="">
            {t('card.draft')}
          </span>
        )}
      </article>
    );
  return (
    <article className={`note-card note-card--${annotation.color}${orphan ? ' is-orphan' : ''}${margin ? ' note-card--margin is-expanded' : ''}`} data-note-id={annotation.id} data-orphan={orphan || undefined}>
      {margin ? null : href ? (
        // The "Open in article" action is the Tab stop; the quote is the same link for the pointer.
        <a className="note-card-link" href={href} data-action="open-note" tabIndex={-1}>
          {quoteView}
        </a>
      ) : onSelect ? (
        <button type="button" className="note-card-link" onClick={onSelect} data-action="go-to-note" aria-label={t('card.goTo')}>
          {quoteView}
        </button>
      ) : (
        quoteView
      )}
      {approximate && (
        <p className="note-card-hint" data-approximate="">
          {t('card.approximate')}
        </p>
      )}
      {annotation.conflictOf !== undefined && <ConflictCopyActions copy={annotation} />}
      {annotation.group && (
        <p className="note-card-hint" data-note-group={annotation.group} data-note-author={annotation.author}>
          <bdi>{annotation.group}</bdi> · <bdi>{annotation.author}</bdi>
        </p>
      )}
      {annotation.note && <NoteText text={annotation.note} />}
      {annotation.tags.length > 0 && (
        <ul className="note-tags" aria-label={t('card.tags')}>
          {annotation.tags.map((tag) => (
            <li key={tag} dir="auto" className="tag">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      <div className="note-card-footer">
        <time dateTime={annotation.modified}>{formatDate(annotation.modified)}</time>
        {hasDraft && (
          <span className="note-card-draft" data-note-draft="">
            {t('card.draft')}
          </span>
        )}
        <span className="note-card-actions">
          {href && (
            <a className="button button--ghost button--small" href={href} data-action="open-in-article">
              {t('card.open')}
            </a>
          )}
          {onCopy && (
            <button type="button" className="button button--ghost button--small" data-action="copy-quote" onClick={onCopy}>
              {t('card.copy')}
            </button>
          )}
          {actions}
          {onEdit && !readOnly && (
            <button type="button" className="button button--ghost button--small" data-action="edit-note" onClick={onEdit}>
              {t('card.edit')}
            </button>
          )}
          {onDelete && !readOnly && (
            <button type="button" className="button button--ghost button--small" data-action="delete-note" onClick={onDelete}>
              {t('card.delete')}
            </button>
          )}
        </span>
      </div>
    </article>
  );
}
