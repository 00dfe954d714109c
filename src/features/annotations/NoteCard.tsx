import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/use-format-date';
import type { Annotation } from '../../core/annotations/annotation';
import { ConflictCopyActions } from './ConflictCopyActions';
import { NoteText } from './NoteText';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import { useStore } from '../../shared/store-context';

interface NoteCardProps {
  annotation: Annotation;
  /** Scroll to the highlight (reader panel). */
  onSelect?: () => void;
  /** A link into the article (notebook). */
  href?: string;
  onEdit?: () => void;
  onDelete?: () => void;
  orphan?: boolean;
  /** Placed by fuzzy matching: the passage's text changed since the note was written. */
  approximate?: boolean;
  /** Other features' buttons for this highlight (e.g. share). */
  actions?: ReactNode;
}

/** One highlight: colour, quote, note, tags and date; everything rendered as text. */
export function NoteCard({ annotation, onSelect, href, onEdit, onDelete, orphan = false, actions, approximate = false }: NoteCardProps) {
  const { t } = useTranslation('annotations');
  const formatDate = useFormatDate('medium');
  const quote = annotation.target.selectors[0].exact;
  // Another member's group note is shown with its author and never edited here.
  const readOnly = isOthersNote(annotation, syncIdentity(useStore())?.user);
  const quoteView = (
    <blockquote className="note-card-quote" dir="auto">
      {quote}
    </blockquote>
  );
  return (
    <article className={`note-card note-card--${annotation.color}${orphan ? ' is-orphan' : ''}`} data-note-id={annotation.id} data-orphan={orphan || undefined}>
      {href ? (
        <a className="note-card-link" href={href} data-action="open-note">
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
        <span className="note-card-actions">
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
