import type { StaffRef } from '@gridgov/shared';

/** A name with a tap-to-call link; masked numbers (138****0001) are shown but not dialable. */
export function StaffLine({ staff }: { staff: StaffRef }) {
  const isDialable = /^\+?\d[\d\s-]*$/.test(staff.phone);
  return (
    <span className="staff-line">
      <span className="staff-name">{staff.name}</span>
      {isDialable ? (
        <a href={`tel:${staff.phone.replace(/[\s-]/g, '')}`}>{staff.phone}</a>
      ) : (
        <span className="muted">{staff.phone}</span>
      )}
    </span>
  );
}
