import { describe, expect, it } from 'vitest';
import { describeAuditChange } from './describe-audit-change';

describe('describeAuditChange', () => {
  it('when one field changed among unchanged ones, then only that field is listed', () => {
    const changes = describeAuditChange(
      { name: '张三', phone: '13800000001', isPartyMember: false },
      { phone: '13800000001', name: '张三丰', isPartyMember: false },
    );
    expect(changes).toEqual([
      { field: 'name', from: '张三', to: '张三丰', fromFull: '张三', toFull: '张三丰' },
    ]);
  });

  it('when keys appear on only one side, then they keep their order of first appearance, before first', () => {
    const changes = describeAuditChange({ b: 1, a: 2 }, { c: 3, a: 4, b: 1 });
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['a', '2', '4'],
      ['c', null, '3'],
    ]);
  });

  it('when only after is given (a creation), then every key is listed without an old value', () => {
    const changes = describeAuditChange(null, { name: '张三', roles: ['grid_worker'], isPartyMember: true });
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['name', null, '张三'],
      ['roles', null, 'grid_worker'],
      ['isPartyMember', null, 'true'],
    ]);
  });

  it('when only before is given (a deletion), then every key is listed without a new value', () => {
    const changes = describeAuditChange({ assignmentId: 'a1', gridCode: 'G001', role: 'grid_worker' }, null);
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['assignmentId', 'a1', null],
      ['gridCode', 'G001', null],
      ['role', 'grid_worker', null],
    ]);
  });

  it('when nested objects differ only in key order, then they are equal; when a nested value differs, then the field is listed as compact JSON', () => {
    const before = {
      sla: { unit: 'hours', amount: 24 },
      boundary: { type: 'Polygon', coordinates: [[1, 2]] },
    };
    expect(
      describeAuditChange(before, { sla: { amount: 24, unit: 'hours' }, boundary: before.boundary }),
    ).toEqual([]);
    const changes = describeAuditChange(before, { ...before, sla: { unit: 'hours', amount: 48 } });
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['sla', '{"unit":"hours","amount":24}', '{"unit":"hours","amount":48}'],
    ]);
  });

  it('when values are arrays, then primitives are joined with 、 and arrays of objects shown as JSON', () => {
    const changes = describeAuditChange(
      { roles: ['grid_worker'], cases: [], endedGrids: ['G001'] },
      { roles: ['grid_leader', 'grid_worker'], cases: [{ number: 'C1' }], endedGrids: ['G001'] },
    );
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['roles', 'grid_worker', 'grid_leader、grid_worker'],
      ['cases', '', '[{"number":"C1"}]'],
    ]);
  });

  it('when a whole side is not an object, then a single entry without a field name is returned', () => {
    expect(describeAuditChange('旧', ['甲', '乙'])).toEqual([
      { field: '', from: '旧', to: '甲、乙', fromFull: '旧', toFull: '甲、乙' },
    ]);
    expect(describeAuditChange(3, 3)).toEqual([]);
  });

  it('when both sides are null or missing, then the list is empty', () => {
    expect(describeAuditChange(null, null)).toEqual([]);
    expect(describeAuditChange(undefined, null)).toEqual([]);
    expect(describeAuditChange({ departmentName: null }, {})).toEqual([]);
  });

  it('when a rendering is longer than 120 characters, then it is cut with … and the full text is kept', () => {
    const long = '网'.repeat(130);
    const [change] = describeAuditChange({ note: 'short' }, { note: long });
    expect(change?.from).toBe('short');
    expect(change?.fromFull).toBe('short');
    expect(change?.to).toBe(`${'网'.repeat(120)}…`);
    expect(change?.toFull).toBe(long);
  });

  it('when a value formatter is given, then primitives and array items go through it', () => {
    const changes = describeAuditChange(
      { isPartyMember: false, roles: ['patroller'] },
      { isPartyMember: true, roles: ['patroller', 'grid_worker'] },
      { formatValue: (value, field) => `${field}:${String(value)}` },
    );
    expect(changes.map((c) => c.to)).toEqual(['isPartyMember:true', 'roles:patroller、roles:grid_worker']);
  });
});
