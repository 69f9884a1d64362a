import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagePanel } from '@/components/ui/message-panel';

type AppErrorBoundaryProps = { children: ReactNode };
type AppErrorBoundaryState = { hasError: boolean };

/** Last line of defence outside the router (providers, router construction); routes have their own. */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { hasError: false };

  static getDerivedStateFromError(): AppErrorBoundaryState {
    return { hasError: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled UI error', error, info.componentStack);
  }

  override render() {
    return this.state.hasError ? <CrashNotice /> : this.props.children;
  }
}

function CrashNotice() {
  const { t } = useTranslation();
  return (
    <div className="crash-shell">
      <MessagePanel
        title={t('errors.title')}
        body={t('errors.generic')}
        actions={
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </button>
        }
      />
    </div>
  );
}
