import type { GridSummary, PolygonGeometry, StaffRef } from '@gridgov/shared';
import { maskPhone } from '@gridgov/shared';
import type { GridSummaryRow } from './grids.repository';

type Assignment = Pick<GridSummaryRow['assignments'][number], 'role' | 'staff'> & { endedAt?: Date | null };

/** Staff refs show the phone only to viewers whose scope covers the person. */
export function toStaffRef(staff: StaffRef, visibleStaffIds: ReadonlySet<string>): StaffRef {
  return visibleStaffIds.has(staff.id) ? staff : { ...staff, phone: maskPhone(staff.phone) };
}

export function findHolder(
  assignments: Assignment[],
  role: string,
  visible: ReadonlySet<string>,
): StaffRef | null {
  const holder = assignments.find((a) => a.role === role && !a.endedAt);
  return holder ? toStaffRef(holder.staff, visible) : null;
}

export function toGridSummary(row: GridSummaryRow, visible: ReadonlySet<string>): GridSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    village: row.village,
    worker: findHolder(row.assignments, 'grid_worker', visible),
    leader: findHolder(row.assignments, 'grid_leader', visible),
    households: row.households,
    population: row.population,
    areaSqm: Math.round(row.areaSqm),
    bbox: [row.minLon, row.minLat, row.maxLon, row.maxLat],
  };
}

export function toPolygon(boundary: unknown): PolygonGeometry {
  return boundary as PolygonGeometry;
}
