import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keeps an error in one part of the screen from blanking the rest: the part is replaced by a
 * message that says what failed (and, for a page, a way to try again). `kind` picks the wording:
 * a note card says the note is still saved; a page says nothing saved was changed.
 * `resetKey` clears the error when it changes (e.g. the route), so navigating away recovers.
 */
export interface ErrorBoundaryProps {
  readonly kind: 'page' | 'card';
  readonly resetKey?: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: string | undefined;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the reader sees the message.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorMessage kind={this.props.kind} message={error.message || error.name} onRetry={() => this.setState({ error: null })} />;
  }
}

function ErrorMessage({ kind, message, onRetry }: { kind: 'page' | 'card'; message: string; onRetry: () => void }) {
  const { t } = useTranslation('errors');
  return (
    <div className={`notice notice--warning error-boundary error-boundary--${kind}`} role="alert" data-error-boundary={kind}>
      <p>
        <bdi>{t(`boundary.${kind}`, { message })}</bdi>
      </p>
      {kind === 'page' && (
        <p className="notice-actions">
          <button type="button" className="button" onClick={onRetry}>
            {t('boundary.retry')}
          </button>
          <a className="button button--ghost" href="#/">
            {t('common:backToLibrary')}
          </a>
        </p>
      )}
    </div>
  );
}
