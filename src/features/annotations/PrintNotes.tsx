import './print.css';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/article/article';
import { NoteText } from './NoteText';
import { useAnchoredAnnotations } from './use-anchored-annotations';

/**
 * The article's highlights and notes, listed after the article when it is printed (hidden on
 * screen, where the notes panel shows them). In reading order, numbered.
 */
export function PrintNotes({ article }: { article: Article }) {
  const { t } = useTranslation('annotations');
  const { anchored } = useAnchoredAnnotations(article);
  if (anchored.length === 0) return null;
  return (
    <section className="print-notes" data-print-notes="" aria-labelledby="print-notes-heading">
      <h2 id="print-notes-heading">{t('print.heading')}</h2>
      <ol>
        {anchored.map(({ annotation }) => (
          <li key={annotation.id} className={`print-note note-card--${annotation.color}`}>
            <blockquote className={`print-note-quote highlight--${annotation.color}`} dir="auto">
              {annotation.target.selectors[0].exact}
            </blockquote>
            {annotation.note && <NoteText text={annotation.note} />}
            {annotation.tags.length > 0 && (
              <p className="print-note-tags">
                {annotation.tags.map((tag) => (
                  // Each tag isolated: one tag's bidi controls cannot reorder the others.
                  <bdi key={tag} className="print-note-tag">
                    #{tag}{' '}
                  </bdi>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
