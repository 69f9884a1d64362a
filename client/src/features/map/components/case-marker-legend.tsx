import type { CaseStatus } from '@gridgov/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLUSTER_COLOR,
  CLUSTER_OVERDUE_COLOR,
  ESCALATED_RING_COLOR,
  OVERDUE_COLOR,
  STATUS_COLORS,
} from '../utils/status-colors';

/** Statuses sharing a colour share a line (rejected and cancelled are both grey). */
function groupStatusesByColor(): { color: string; statuses: CaseStatus[] }[] {
  const groups = new Map<string, CaseStatus[]>();
  for (const [status, color] of Object.entries(STATUS_COLORS) as [CaseStatus, string][]) {
    groups.set(color, [...(groups.get(color) ?? []), status]);
  }
  return [...groups].map(([color, statuses]) => ({ color, statuses }));
}

const isNarrowScreen = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 700px)').matches;

/**
 * What the case markers' colours mean (issue 13), drawn from the same constants the markers use, so the
 * legend cannot drift from the map. Folded on phones, where the map needs the room.
 */
export function CaseMarkerLegend() {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(() => !isNarrowScreen());
  const listSeparator = t('common.listSeparator');

  return (
    <details
      className="map-legend case-marker-legend"
      open={isOpen}
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
      data-testid="case-marker-legend"
    >
      <summary className="map-legend-title">{t('dashboard.markerLegend.title')}</summary>
      <ul className="map-legend-classes" aria-label={t('dashboard.markerLegend.title')}>
        {groupStatusesByColor().map(({ color, statuses }) => (
          <li key={color} data-color={color}>
            <span className="legend-dot" style={{ background: color }} aria-hidden="true" />
            {statuses.map((status) => t(`caseStatus.${status}`)).join(listSeparator)}
          </li>
        ))}
        <li data-color={OVERDUE_COLOR}>
          <span
            className="legend-dot legend-dot-ring"
            style={{ borderColor: OVERDUE_COLOR }}
            aria-hidden="true"
          />
          {t('dashboard.markerLegend.overdue')}
        </li>
        <li data-color={ESCALATED_RING_COLOR}>
          <span
            className="legend-dot legend-dot-ring legend-dot-large"
            style={{ borderColor: ESCALATED_RING_COLOR }}
            aria-hidden="true"
          />
          {t('dashboard.markerLegend.escalated')}
        </li>
        <li data-color={CLUSTER_COLOR}>
          <span
            className="legend-dot legend-cluster"
            style={{ background: CLUSTER_COLOR }}
            aria-hidden="true"
          >
            3
          </span>
          {t('dashboard.markerLegend.cluster')}
        </li>
        <li data-color={CLUSTER_OVERDUE_COLOR}>
          <span
            className="legend-dot legend-cluster"
            style={{ background: CLUSTER_OVERDUE_COLOR }}
            aria-hidden="true"
          >
            3
          </span>
          {t('dashboard.markerLegend.clusterOverdue')}
        </li>
      </ul>
    </details>
  );
}
