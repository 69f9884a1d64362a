import type { ActivationSheetRow } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/china-time';

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The one time an import's activation codes are shown: the server keeps only their hashes. */
export function ActivationSheet({ rows, expiresAt }: { rows: ActivationSheetRow[]; expiresAt: string }) {
  const { t } = useTranslation();
  const header = [
    t('adminStaff.activation.row'),
    t('adminStaff.activation.name'),
    t('adminStaff.activation.username'),
    t('adminStaff.activation.code'),
  ];

  function download() {
    const lines = [header, ...rows.map((r) => [String(r.row), r.name, r.username, r.code])];
    // BOM: Excel opens UTF-8 CSV with Chinese names correctly only with it.
    const csv = `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `activation-codes-${formatDate(new Date())}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="notice notice-success activation-sheet" role="status">
      <p>{t('adminStaff.activation.intro', { count: rows.length, date: formatDate(expiresAt) })}</p>
      <p className="muted">{t('adminStaff.activation.once')}</p>
      <div className="admin-actions">
        <button type="button" className="button button-primary" onClick={download}>
          {t('adminStaff.activation.download')}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('adminStaff.activation.print')}
        </button>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={t('adminStaff.activation.title')}>
        <table className="data-table">
          <thead>
            <tr>
              {header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>{r.name}</td>
                <td className="mono">{r.username}</td>
                <td className="mono" data-testid="activation-code">
                  {r.code}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
