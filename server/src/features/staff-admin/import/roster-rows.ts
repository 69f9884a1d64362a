// Checking roster rows: pure, given what the database knows (villages and grids in the admin's
// towns, phones and usernames already taken). Every problem of every row is reported, not just the first.
import {
  IMPORT_ROLE_NAMES,
  type ImportColumn,
  type ImportProblem,
  isSafeText,
  PHONE_PATTERN,
  USERNAME_PATTERN,
} from '@gridgov/shared';
import { z } from 'zod';
import { AppError } from '../../../lib/errors';
import { FORMULA_MARK, type RawSheet } from './roster-file';

const IMPORT_ROLES = ['town_leader', 'grid_leader', 'grid_worker', 'patroller'] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];

/** A checked row, as a valid job stores it until it is committed (StaffImportJob.rows). */
export const importRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  phone: z.string(),
  username: z.string(),
  role: z.enum(IMPORT_ROLES),
  townId: z.string(),
  villageId: z.string(),
  gridIds: z.array(z.string()),
  isPartyMember: z.boolean(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export interface RosterLookups {
  villages: { id: string; code: string; name: string; townId: string }[];
  grids: Map<
    string,
    { id: string; villageId: string; activeWorkerName: string | null; activeLeaderName?: string | null }
  >;
  takenPhones: Set<string>;
  takenUsernames: Set<string>;
}

const HEADER_COLUMNS: readonly ImportColumn[] = ['姓名', '手机号', '角色', '所属村'];
const PARTY_VALUES: Record<string, boolean> = {
  是: true,
  否: false,
  党员: true,
  群众: false,
  y: true,
  n: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
  '': false,
};

/** The column positions, or 422 naming the missing columns (a wrong file or a wrong encoding). */
export function locateColumns(header: string[]): Record<ImportColumn, number> {
  const find = (name: string) => header.findIndex((h) => h.replace(/^\uFEFF/, '').trim() === name);
  const missing = HEADER_COLUMNS.filter((c) => find(c) < 0);
  if (missing.length) {
    throw new AppError(
      'unprocessable',
      `Not a roster file: missing columns ${missing.join(', ')} (download the template)`,
      { reason: 'columns', missing },
    );
  }
  return {
    姓名: find('姓名'),
    手机号: find('手机号'),
    用户名: find('用户名'),
    角色: find('角色'),
    所属村: find('所属村'),
    网格编码: find('网格编码'),
    是否党员: find('是否党员'),
  };
}

/** 138 0000 1234, 138-0000-1234, +86 13800001234 → 13800001234. */
export function normalisePhone(value: string): string {
  const compact = value.replace(/[\s\-()]/g, '');
  return compact.replace(/^(\+?86)(?=1\d{10}$)/, '');
}

const isFormula = (value: string) => value.startsWith(FORMULA_MARK) || /^[=+\-@]/.test(value);
/** What the report shows for a cell: formulas as written, never evaluated. */
/** U+FFFD in place of what the input gate refuses (docs/decisions/016). */
const replaceUnsafeCharacters = (value: string) =>
  [...value].map((ch) => (isSafeText(ch) ? ch : '\uFFFD')).join('');

const shown = (value: string) => (value.startsWith(FORMULA_MARK) ? value.slice(FORMULA_MARK.length) : value);

export interface RowCheckState {
  phones: Map<string, number>;
  usernames: Map<string, number>;
  workerGrids: Map<string, number>;
  /** Grids given a leader by an earlier row of the file (one leader per grid, as for workers). */
  leaderGrids: Map<string, number>;
}

export function newRowCheckState(): RowCheckState {
  return { phones: new Map(), usernames: new Map(), workerGrids: new Map(), leaderGrids: new Map() };
}

/** Checks one data row (`index` 0-based among data rows); returns the row or its problems. */
export function checkRow(
  cells: string[],
  index: number,
  columns: Record<ImportColumn, number>,
  lookups: RosterLookups,
  state: RowCheckState,
): { row: ImportRow | null; problems: ImportProblem[] } {
  const rowNumber = index + 2;
  const problems: ImportProblem[] = [];
  const problem = (column: ImportColumn, code: ImportProblem['code'], value: string, otherRow?: number) =>
    problems.push({
      row: rowNumber,
      column,
      code,
      // A control character cannot be stored (nor shown): the report marks where it was.
      value: replaceUnsafeCharacters(shown(value)),
      ...(otherRow ? { otherRow } : {}),
    });
  const cell = (column: ImportColumn) => {
    const at = columns[column];
    return at < 0 ? '' : (cells[at] ?? '').trim();
  };
  const text = (column: ImportColumn, max: number, isRequired: boolean) => {
    const value = cell(column);
    if (isFormula(value)) problem(column, 'formula', value);
    else if (!isSafeText(value)) problem(column, 'control_character', value);
    else if (isRequired && !value) problem(column, 'required', value);
    else if (value.length > max) problem(column, 'too_long', value);
    else return value;
    return null;
  };

  const name = text('姓名', 40, true);

  const rawPhone = cell('手机号');
  const phone = normalisePhone(shown(rawPhone));
  // "+86 138…" starts like a formula but is a phone number; it is stored normalised, so it is safe.
  const isPhoneFormula =
    rawPhone.startsWith(FORMULA_MARK) || (isFormula(rawPhone) && !PHONE_PATTERN.test(phone));
  if (isPhoneFormula) problem('手机号', 'formula', rawPhone);
  else if (!rawPhone) problem('手机号', 'required', rawPhone);
  else if (!PHONE_PATTERN.test(phone)) problem('手机号', 'bad_phone', rawPhone);
  else if (state.phones.has(phone))
    problem('手机号', 'duplicate_phone_in_file', rawPhone, state.phones.get(phone));
  else if (lookups.takenPhones.has(phone)) problem('手机号', 'phone_exists', rawPhone);
  if (PHONE_PATTERN.test(phone) && !state.phones.has(phone)) state.phones.set(phone, rowNumber);

  const typedUsername = text('用户名', 32, false);
  const username = (typedUsername || (PHONE_PATTERN.test(phone) ? phone : '')).toLowerCase();
  // A username taken from a phone already reported as repeated is not reported twice.
  const isPhoneRepeat = !typedUsername && problems.some((p) => p.code === 'duplicate_phone_in_file');
  if (typedUsername !== null && username && !isPhoneRepeat) {
    if (!USERNAME_PATTERN.test(username)) problem('用户名', 'bad_username', cell('用户名'));
    else if (state.usernames.has(username)) {
      problem('用户名', 'duplicate_username_in_file', username, state.usernames.get(username));
    } else if (lookups.takenUsernames.has(username)) problem('用户名', 'username_exists', username);
    if (!state.usernames.has(username)) state.usernames.set(username, rowNumber);
  }

  const roleText = text('角色', 20, true);
  const role = roleText === null ? undefined : IMPORT_ROLE_NAMES[roleText];
  if (roleText !== null && !role) problem('角色', 'bad_role', roleText);

  const villageText = text('所属村', 60, true);
  let village: RosterLookups['villages'][number] | undefined;
  if (villageText !== null) {
    const matches = lookups.villages.filter((v) => v.code === villageText || v.name === villageText);
    if (matches.length === 1) village = matches[0];
    else problem('所属村', 'unknown_village', villageText);
  }

  const gridText = text('网格编码', 400, false) ?? '';
  const codes = [...new Set(gridText.split(/[\s,;，；、]+/).filter(Boolean))];
  const gridIds: string[] = [];
  for (const code of codes) {
    const grid = lookups.grids.get(code);
    if (!grid) problem('网格编码', 'unknown_grid', code);
    else if (village && grid.villageId !== village.id) problem('网格编码', 'grid_not_in_village', code);
    else gridIds.push(grid.id);
  }
  if (role) {
    const isCountWrong =
      role === 'town_leader'
        ? codes.length > 0
        : role === 'grid_leader'
          ? codes.length === 0
          : codes.length !== 1;
    if (isCountWrong) problem('网格编码', 'grid_count', gridText);
  }
  if (role === 'grid_worker' && gridIds.length === 1) {
    const grid = lookups.grids.get(codes[0]!)!;
    const firstRow = state.workerGrids.get(grid.id);
    if (grid.activeWorkerName)
      problem('网格编码', 'grid_has_worker', `${codes[0]} (${grid.activeWorkerName})`);
    else if (firstRow) problem('网格编码', 'duplicate_grid_worker_in_file', codes[0]!, firstRow);
    else state.workerGrids.set(grid.id, rowNumber);
  }
  if (role === 'grid_leader') {
    for (const code of codes) {
      const grid = lookups.grids.get(code);
      if (!grid || !gridIds.includes(grid.id)) continue;
      const firstRow = state.leaderGrids.get(grid.id);
      if (grid.activeLeaderName) problem('网格编码', 'grid_has_leader', `${code} (${grid.activeLeaderName})`);
      else if (firstRow) problem('网格编码', 'duplicate_grid_leader_in_file', code, firstRow);
      else state.leaderGrids.set(grid.id, rowNumber);
    }
  }

  const partyText = text('是否党员', 10, false);
  const isPartyMember = partyText === null ? undefined : PARTY_VALUES[partyText.toLowerCase()];
  if (partyText !== null && isPartyMember === undefined) problem('是否党员', 'bad_party', partyText);

  if (problems.length || !name || !role || !village || isPartyMember === undefined) {
    return { row: null, problems };
  }
  return {
    row: {
      row: rowNumber,
      name,
      phone,
      username,
      role,
      townId: village.townId,
      villageId: village.id,
      gridIds,
      isPartyMember,
    },
    problems,
  };
}

/** Phones and usernames a sheet mentions, for looking up which are taken. */
export function collectKeys(sheet: RawSheet, columns: Record<ImportColumn, number>) {
  const phones = new Set<string>();
  const usernames = new Set<string>();
  for (const cells of sheet.rows) {
    const phone = normalisePhone((cells[columns.手机号] ?? '').trim());
    if (PHONE_PATTERN.test(phone)) {
      phones.add(phone);
      usernames.add(phone);
    }
    const username = columns.用户名 < 0 ? '' : (cells[columns.用户名] ?? '').trim().toLowerCase();
    if (username) usernames.add(username);
  }
  return { phones: [...phones], usernames: [...usernames] };
}
