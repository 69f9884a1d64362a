import type { Figures } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { formatHours, formatRate } from '../utils/format-figures';

type Card = { key: keyof Figures; value: string | number | null; hint?: string; unit?: 'hours' };

/** The summary figures as cards; rates and times without data show a dash, not a misleading 0. */
export function FigureCards({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const cards: Card[] = [
    { key: 'received', value: figures.received },
    { key: 'accepted', value: figures.accepted },
    { key: 'closed', value: figures.closed },
    { key: 'open', value: figures.open },
    { key: 'overdue', value: figures.overdue },
    { key: 'closeRate', value: formatRate(figures.closeRate), hint: t('stats.figureHints.closeRate') },
    { key: 'onTimeRate', value: formatRate(figures.onTimeRate), hint: t('stats.figureHints.onTimeRate') },
    {
      key: 'avgHandlingHours',
      value: formatHours(figures.avgHandlingHours),
      hint: t('stats.figureHints.handling'),
      unit: 'hours',
    },
    {
      key: 'medianHandlingHours',
      value: formatHours(figures.medianHandlingHours),
      hint: t('stats.figureHints.handling'),
      unit: 'hours',
    },
    { key: 'reworkRate', value: formatRate(figures.reworkRate), hint: t('stats.figureHints.reworkRate') },
    { key: 'escalated', value: figures.escalated },
  ];
  return (
    <dl className="figure-cards" aria-label={t('stats.figuresLabel')}>
      {cards.map((card) => (
        <div key={card.key} className="figure-card" data-figure={card.key}>
          <dt>{t(`stats.figures.${card.key}` as 'stats.figures.received')}</dt>
          <dd className="figure-value">
            {card.value === null
              ? t('stats.none')
              : card.unit === 'hours'
                ? t('stats.hours', { value: card.value })
                : card.value}
          </dd>
          {card.hint && <dd className="figure-hint">{card.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
