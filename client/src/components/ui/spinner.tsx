import { useTranslation } from 'react-i18next';

type SpinnerProps = { label?: string; isFullPage?: boolean };

export function Spinner({ label, isFullPage = false }: SpinnerProps) {
  const { t } = useTranslation();
  return (
    <div className={isFullPage ? 'spinner spinner-page' : 'spinner'} role="status" aria-live="polite">
      <span className="spinner-ring" aria-hidden="true" />
      <span className="spinner-label">{label ?? t('common.loading')}</span>
    </div>
  );
}

export function PageSpinner() {
  return <Spinner isFullPage />;
}
