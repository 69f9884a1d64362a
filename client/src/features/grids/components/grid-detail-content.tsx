import type { GridDetail } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { GridHistoryList } from './grid-history-list';
import { StaffContact } from './staff-contact';

const SQUARE_METRES_PER_KM2 = 1_000_000;

export function GridDetailContent({ grid }: { grid: GridDetail }) {
  const { t, i18n } = useTranslation();
  const numberFormat = new Intl.NumberFormat(i18n.language);
  const areaFormat = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const formatCount = (value: number | null) =>
    value === null ? t('common.empty') : numberFormat.format(value);

  return (
    <>
      <section className="panel-section" aria-labelledby={`grid-${grid.id}-staff`}>
        <h3 id={`grid-${grid.id}-staff`}>{t('gridPanel.staff')}</h3>
        <dl className="facts">
          <dt>{t('gridPanel.worker')}</dt>
          <dd>
            <StaffContact staff={grid.worker} />
          </dd>
          <dt>{t('gridPanel.leader')}</dt>
          <dd>
            <StaffContact staff={grid.leader} />
          </dd>
          <dt>{t('gridPanel.patrollers')}</dt>
          <dd>
            {grid.patrollers.length === 0 ? (
              <span className="muted">{t('gridPanel.noPatrollers')}</span>
            ) : (
              <ul className="plain-list">
                {grid.patrollers.map((patroller) => (
                  <li key={patroller.id}>
                    <StaffContact staff={patroller} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <section className="panel-section" aria-labelledby={`grid-${grid.id}-figures`}>
        <h3 id={`grid-${grid.id}-figures`}>{t('gridPanel.figures')}</h3>
        <dl className="facts">
          <dt>{t('gridPanel.code')}</dt>
          <dd className="mono">{grid.code}</dd>
          <dt>{t('gridPanel.village')}</dt>
          <dd>{grid.village.name}</dd>
          <dt>{t('gridPanel.town')}</dt>
          <dd>{grid.town.name}</dd>
          <dt>{t('gridPanel.households')}</dt>
          <dd>{formatCount(grid.households)}</dd>
          <dt>{t('gridPanel.population')}</dt>
          <dd>{formatCount(grid.population)}</dd>
          <dt>{t('gridPanel.area')}</dt>
          <dd>
            {t('gridPanel.areaValue', { value: areaFormat.format(grid.areaSqm / SQUARE_METRES_PER_KM2) })}
          </dd>
        </dl>
      </section>
      <section className="panel-section" aria-labelledby={`grid-${grid.id}-history`}>
        <h3 id={`grid-${grid.id}-history`}>{t('gridPanel.history')}</h3>
        <GridHistoryList history={grid.history} />
      </section>
    </>
  );
}
