import { isSafeText } from '@gridgov/shared';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, FORMULA_MARK, parseCsv } from './roster-file';
import { checkRow, locateColumns, newRowCheckState, normalisePhone, type RosterLookups } from './roster-rows';

const lookups: RosterLookups = {
  villages: [
    { id: 'v1', code: '440881110001', name: '横新村', townId: 't1' },
    { id: 'v2', code: '440881110002', name: '蕉坡村', townId: 't1' },
  ],
  grids: new Map([
    ['440881110001001', { id: 'g1', villageId: 'v1', activeWorkerName: null }],
    ['440881110001002', { id: 'g2', villageId: 'v1', activeWorkerName: '张三' }],
    ['440881110002001', { id: 'g3', villageId: 'v2', activeWorkerName: null }],
  ]),
  takenPhones: new Set(['13800000001']),
  takenUsernames: new Set(['taken']),
};
const columns = locateColumns(['姓名', '手机号', '用户名', '角色', '所属村', '网格编码', '是否党员']);
const check = (cells: string[]) => checkRow(cells, 0, columns, lookups, newRowCheckState());
const codes = (cells: string[]) =>
  check(cells)
    .problems.map((p) => p.code)
    .sort();

describe('roster rows', () => {
  it('when a row is right, then it is normalised (phone, default username, party flag, grids)', () => {
    const { row, problems } = check([
      '王五',
      '+86 139-0000-0001',
      '',
      '网格长',
      '横新村',
      '440881110001001；440881110001002',
      '是',
    ]);
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      phone: '13900000001',
      username: '13900000001',
      role: 'grid_leader',
      villageId: 'v1',
      townId: 't1',
      gridIds: ['g1', 'g2'],
      isPartyMember: true,
    });
  });

  it('when cells hold formulas, then they are refused wherever they are', () => {
    expect(
      codes([`${FORMULA_MARK}=1+1`, '13900000002', '', '巡防员', '横新村', '440881110001001', '']),
    ).toEqual(['formula']);
    expect(codes(['张三', '13900000002', '@cmd', '巡防员', '横新村', '440881110001001', ''])).toEqual([
      'formula',
    ]);
    expect(codes(['张三', '13900000002', '', '巡防员', '=HYPERLINK("x")', '440881110001001', ''])).toEqual([
      'formula',
    ]);
  });

  it('when a cell holds a control character (NUL), then the row is refused and the report value is storable', () => {
    const { row, problems } = check([
      '王\u0000五',
      '13900000002\u0000',
      'wang\u0007',
      '网格员',
      '横新村',
      '',
      '否',
    ]);
    expect(row).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['control_character', 'bad_phone']));
    expect(problems.every((p) => isSafeText(p.value))).toBe(true);
    expect(problems.find((p) => p.column === '姓名')?.value).toBe('王\uFFFD五');
  });

  it('when a leader row names a grid that has a leader, or an earlier row already gave it one, then both are refused', () => {
    const state = newRowCheckState();
    const withLeader = {
      ...lookups,
      grids: new Map(
        [...lookups.grids].map(([code, g]) => [
          code,
          { ...g, activeLeaderName: code.endsWith('002') ? '陈组长' : null },
        ]),
      ),
    };
    const row = (cells: string[], i: number) =>
      checkRow(cells, i, columns, withLeader, state).problems.map((p) => p.code);
    expect(row(['甲', '13900000011', '', '网格长', '横新村', '440881110001001', '否'], 0)).toEqual([]);
    expect(row(['乙', '13900000012', '', '网格长', '横新村', '440881110001001', '否'], 1)).toEqual([
      'duplicate_grid_leader_in_file',
    ]);
    expect(row(['丙', '13900000013', '', '网格长', '横新村', '440881110001002', '否'], 2)).toEqual([
      'grid_has_leader',
    ]);
  });

  it('when roles and grids do not fit, then each mismatch is named', () => {
    expect(codes(['甲', '13900000003', '', '网格员', '横新村', '440881110001002', ''])).toEqual([
      'grid_has_worker',
    ]);
    expect(codes(['甲', '13900000003', '', '网格员', '横新村', '440881110002001', ''])).toEqual([
      'grid_not_in_village',
    ]);
    expect(codes(['甲', '13900000003', '', '镇领导', '横新村', '440881110001001', ''])).toEqual([
      'grid_count',
    ]);
    expect(codes(['甲', '13800000001', 'taken', '管理员', '某村', '', '不知道'])).toEqual([
      'bad_party',
      'bad_role',
      'phone_exists',
      'unknown_village',
      'username_exists',
    ]);
  });

  it('when the same grid gets two workers in one file, then the second row points at the first', () => {
    const state = newRowCheckState();
    checkRow(
      ['甲', '13900000004', '', '网格员', '蕉坡村', '440881110002001', ''],
      0,
      columns,
      lookups,
      state,
    );
    const second = checkRow(
      ['乙', '13900000005', '', '网格员', '蕉坡村', '440881110002001', ''],
      1,
      columns,
      lookups,
      state,
    );
    expect(second.problems).toEqual([
      {
        row: 3,
        column: '网格编码',
        code: 'duplicate_grid_worker_in_file',
        value: '440881110002001',
        otherRow: 2,
      },
    ]);
  });

  it('normalisePhone only strips separators and the +86 prefix (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.constantFrom('', '+86', '86', '+86 '),
        (phone, prefix) => {
          const spaced = `${prefix}${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
          expect(normalisePhone(spaced)).toBe(phone);
        },
      ),
    );
  });
});

describe('roster file decoding', () => {
  it('when CSV comes as GBK, UTF-8 with BOM or UTF-16LE with BOM, then the same text comes out', () => {
    const text = '姓名,手机号\r\n横新村张三,13900000001\r\n';
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))).toBe(text);
  });

  it('when a UTF-8 BOM is followed by invalid bytes, then it is refused rather than guessed', () => {
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]))).toThrow(/invalid bytes/);
  });

  it('when a header-only CSV is read, then it is refused as empty', () => {
    expect(() => parseCsv(Buffer.from('姓名,手机号,角色,所属村\n'))).toThrow(/no rows/);
  });
});
