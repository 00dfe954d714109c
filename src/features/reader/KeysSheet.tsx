import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../shared/Dialog';
import { ARABIC_LETTER_ON_KEY, READER_KEYS, type ReaderKeyGroup } from '../../shared/reader-keys';

const GROUPS: readonly ReaderKeyGroup[] = ['move', 'annotate', 'other'];

/** One key of a chord as printed on the keycap (an Arabic interface also shows the Arabic letter on that key). */
function Key({ name }: { name: string }) {
  const { t, i18n } = useTranslation('reader');
  const letter = /^[a-z]$/.test(name);
  const arabic = letter && i18n.language === 'ar' ? ARABIC_LETTER_ON_KEY[name] : undefined;
  return (
    <>
      <kbd dir="ltr">{letter || name.length === 1 ? name : t(`keys.names.${name}`, { defaultValue: name })}</kbd>
      {arabic && (
        <>
          {' '}
          <kbd lang="ar" className="keys-sheet__arabic">
            {arabic}
          </kbd>
        </>
      )}
    </>
  );
}

/** `?`: every key of the reader, from the same table the handlers read (shared/reader-keys). */
export function KeysSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('reader');
  return (
    <Dialog open title={t('keys.title')} onClose={onClose} closeLabel={t('common:close')} testId="keys">
      <p className="field-hint keys-sheet__intro">{t('keys.intro')}</p>
      {GROUPS.map((group) => (
        <section key={group} className="keys-sheet__group" aria-labelledby={`keys-${group}`}>
          <h3 id={`keys-${group}`}>{t(`keys.groups.${group}`)}</h3>
          <dl className="keys-sheet">
            {READER_KEYS.filter((key) => key.group === group).map((key) => (
              <div key={key.id} className="keys-sheet__row" data-key={key.id}>
                <dt>
                  {key.chords.map((chord, i) => (
                    <Fragment key={chord.join('+')}>
                      {i > 0 && <span className="keys-sheet__or"> {t('keys.or')} </span>}
                      <span className="keys-sheet__chord" dir="ltr">
                        {chord.map((name, j) => (
                          <Fragment key={name}>
                            {j > 0 && '+'}
                            <Key name={name} />
                          </Fragment>
                        ))}
                      </span>
                    </Fragment>
                  ))}
                </dt>
                <dd>{t(`keys.does.${key.id}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
