import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportStage } from '../../core/article/import-protocol';
import { initialEdits, type PreviewEdits } from '../../core/article/import-preview';
import { ImportPreview } from './ImportPreview';
import { useImportRunner, type ImportInput, type ImportLine, type Prepared } from './use-import-runner';

/** One input of a queue; `fallback` is tried when the input yields no article (a rich paste's plain text). */
export interface QueuedImport {
  readonly input: ImportInput;
  readonly fallback?: ImportInput;
}

interface ImportQueueProps {
  readonly items: readonly QueuedImport[];
  /** Each input's outcome, as it is decided (saved, refused, skipped ones are not reported). */
  readonly onLine: (line: ImportLine) => void;
  readonly onDone: () => void;
}

type Phase = { readonly kind: 'running'; readonly stage: ImportStage | 'starting' } | { readonly kind: 'preview'; readonly prepared: Extract<Prepared, { status: 'ready' }> };

/**
 * Imports inputs one after another: each is read and parsed in the import worker (its stage shown,
 * with a cancel button), then opens in the preview; Enter saves it, and the next one starts.
 */
export function ImportQueue({ items, onLine, onDone }: ImportQueueProps) {
  const { t } = useTranslation('import');
  const runner = useImportRunner();
  const [index, setIndex] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'running', stage: 'starting' });
  const [saving, setSaving] = useState(false);
  const cancelRef = useRef<(() => void) | null>(null);
  const callbacks = useRef({ onLine, onDone });
  useEffect(() => {
    callbacks.current = { onLine, onDone };
  });

  const item = items[index];
  const advance = () => {
    setPhase({ kind: 'running', stage: 'starting' });
    setIndex((i) => i + 1);
  };
  useEffect(() => {
    if (!item) {
      callbacks.current.onDone();
      return;
    }
    let live = true;
    const attempt = async (input: ImportInput): Promise<Prepared | 'cancelled'> => {
      const running = await runner.prepare(input, (stage) => live && setPhase({ kind: 'running', stage }));
      cancelRef.current = running.cancel;
      return running.result;
    };
    void (async () => {
      let outcome = await attempt(item.input);
      if (live && outcome !== 'cancelled' && outcome.status === 'refused' && item.fallback) outcome = await attempt(item.fallback);
      cancelRef.current = null;
      if (!live) return;
      if (outcome === 'cancelled') advance();
      else if (outcome.status === 'refused') {
        callbacks.current.onLine(outcome);
        advance();
      } else setPhase({ kind: 'preview', prepared: outcome });
    })();
    return () => {
      live = false;
      cancelRef.current?.();
    };
    // Each queue position runs once; the runner is stable for the queue's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item]);

  if (!item) return null;
  const position = items.length > 1 ? t('queue.position', { index: index + 1, total: items.length }) : null;

  if (phase.kind === 'running') {
    return (
      <div className="import-progress" role="status" aria-live="polite" data-import-progress={phase.stage}>
        {position && <p className="import-position">{position}</p>}
        <p>{t(`progress.${phase.stage}`)}</p>
        <progress aria-label={t(`progress.${phase.stage}`)} />
        <button type="button" className="button" onClick={() => cancelRef.current?.()} data-action="cancel-import">
          {t('progress.cancel')}
        </button>
      </div>
    );
  }

  const { prepared } = phase;
  const onSave = async (edits: PreviewEdits) => {
    setSaving(true);
    try {
      callbacks.current.onLine(await runner.commit(prepared.name, prepared.draft, edits, item.input));
    } finally {
      setSaving(false);
      advance();
    }
  };
  return (
    <ImportPreview
      key={index}
      draft={prepared.draft}
      initial={initialEdits(prepared.draft)}
      position={position}
      busy={saving}
      onSave={(edits) => void onSave(edits)}
      onSkip={advance}
    />
  );
}
