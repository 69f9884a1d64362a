import type { CaseDetail, CaseSummary, Category, Me, StaffItem, Upload } from '@gridgov/shared';

export const IDS = {
  grid1: '11111111-1111-4111-8111-111111111111',
  grid2: '22222222-2222-4222-8222-222222222222',
  village1: '33333333-3333-4333-8333-333333333333',
  worker: '44444444-4444-4444-8444-444444444444',
  leader: '55555555-5555-4555-8555-555555555555',
  case1: '66666666-6666-4666-8666-666666666666',
  case2: '77777777-7777-4777-8777-777777777777',
  upload1: '88888888-8888-4888-8888-888888888888',
} as const;

export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    id: IDS.leader,
    username: 'leader',
    name: '王网格长',
    roles: ['grid_leader'],
    scope: { level: 'grids', regionIds: [], gridIds: [IDS.grid1, IDS.grid2], homeGridId: null, bbox: null },
    mustChangePassword: false,
    ...overrides,
  };
}

const SLA = { unit: 'working_days', amount: 3 } as const;

function buildCategory(
  code: string,
  [name, nameEn]: [string, string],
  overrides: Partial<Category> = {},
): Category {
  const parentCode = code.includes('.') ? (code.split('.')[0] ?? null) : null;
  return {
    id: `cat-${code}`,
    code,
    name,
    nameEn,
    parentCode,
    sla: SLA,
    defaultPriority: 'normal',
    defaultHandler: 'grid_worker',
    departmentName: null,
    fields: [],
    isActive: true,
    ...overrides,
  };
}

/** Two parents with leaves, one inactive leaf; 垃圾 has a required multi-choice and an optional number. */
export function buildCategories(): Category[] {
  return [
    buildCategory('env', ['环境卫生', 'Sanitation']),
    buildCategory('env.garbage', ['垃圾堆放', 'Dumped rubbish'], {
      defaultPriority: 'high',
      fields: [
        {
          key: 'kinds',
          label: '垃圾种类',
          labelEn: 'Kinds of rubbish',
          type: 'multi',
          required: true,
          options: [
            { value: 'food', label: '厨余', labelEn: 'Food waste' },
            { value: 'bulky', label: '大件', labelEn: 'Bulky items' },
          ],
        },
        { key: 'volume', label: '估计方量', labelEn: 'Estimated volume', type: 'number', required: false },
      ],
    }),
    buildCategory('env.water', ['污水外溢', 'Sewage overflow']),
    buildCategory('env.old', ['旧类别', 'Old'], { isActive: false }),
    buildCategory('safety', ['公共安全', 'Public safety']),
    buildCategory('safety.light', ['路灯损坏', 'Broken street light'], { defaultPriority: 'low' }),
  ];
}

const WORKER_REF = { id: IDS.worker, name: '张伟', phone: '13800000002' };
const LEADER_REF = { id: IDS.leader, name: '王网格长', phone: '13800000001' };

export function buildCaseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: IDS.case1,
    number: 'SJ-20250601-0001',
    status: 'accepted',
    priority: 'normal',
    category: { code: 'safety.light', name: '路灯损坏', nameEn: 'Broken street light' },
    grid: { id: IDS.grid1, code: 'SJ-01-01', name: '石角第一网格' },
    village: { id: IDS.village1, code: '441802102001', name: '石角村' },
    description: '村口路灯不亮已三天',
    address: '石角村村口',
    location: { lon: 113.1, lat: 23.1 },
    reporter: WORKER_REF,
    assignee: null,
    reportedAt: '2025-06-01T02:00:00.000Z',
    updatedAt: '2025-06-01T03:00:00.000Z',
    deadline: '2025-06-04T09:30:00.000Z',
    deadlineStatus: 'on_time',
    isEscalated: false,
    isOutsideGrid: false,
    reworkCount: 0,
    version: 3,
    ...overrides,
  };
}

export function buildCaseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...buildCaseSummary(),
    photos: [],
    onBehalfOf: null,
    extra: {},
    resumeStatus: null,
    pendingExtension: null,
    escalation: null,
    duplicateOf: null,
    allowedActions: [],
    timeline: [
      {
        id: 'e1',
        seq: 1,
        kind: 'report',
        actor: WORKER_REF,
        at: '2025-06-01T02:00:00.000Z',
        fromStatus: null,
        toStatus: 'reported',
        note: null,
        assignee: null,
        photos: [],
        deadline: null,
      },
      {
        id: 'e2',
        seq: 2,
        kind: 'accept',
        actor: LEADER_REF,
        at: '2025-06-01T03:00:00.000Z',
        fromStatus: 'reported',
        toStatus: 'accepted',
        note: null,
        assignee: null,
        photos: [],
        deadline: '2025-06-04T09:30:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function buildStaffItem(overrides: Partial<StaffItem> = {}): StaffItem {
  return {
    ...WORKER_REF,
    username: 'zhangwei',
    status: 'active',
    isPartyMember: false,
    roles: ['grid_worker'],
    grids: [{ id: IDS.grid1, code: 'SJ-01-01', name: '石角第一网格', role: 'grid_worker' }],
    village: { id: IDS.village1, name: '石角村' },
    ...overrides,
  };
}

export function buildUpload(overrides: Partial<Upload> = {}): Upload {
  return {
    id: IDS.upload1,
    url: `/api/uploads/${IDS.upload1}`,
    thumbUrl: `/api/uploads/${IDS.upload1}/thumb`,
    mime: 'image/jpeg',
    size: 1024,
    width: 640,
    height: 480,
    ...overrides,
  };
}
