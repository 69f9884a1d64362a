// The seeded case taxonomy (two levels). Codes are stable identifiers; names and deadlines are
// admin-editable later. Deadlines follow common practice of Guangdong grid-governance centres:
// hazards to life in hours, ordinary matters in working days.
import type { ExtraField } from '@gridgov/shared';

export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  sla?: { unit: 'working_hours' | 'working_days'; amount: number };
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  department?: string;
  fields?: ExtraField[];
  children?: CategorySeed[];
}

const yesNo = [
  { value: 'yes', label: '是', labelEn: 'Yes' },
  { value: 'no', label: '否', labelEn: 'No' },
];

export const CATEGORY_TREE: CategorySeed[] = [
  {
    code: 'dispute',
    name: '矛盾纠纷',
    nameEn: 'Disputes',
    children: [
      {
        code: 'dispute.neighbour',
        name: '邻里纠纷',
        nameEn: 'Neighbour dispute',
        sla: { unit: 'working_days', amount: 3 },
        fields: [
          { key: 'parties', label: '当事人数', labelEn: 'Parties involved', type: 'number', required: true },
          {
            key: 'mediation',
            label: '需调解',
            labelEn: 'Mediation needed',
            type: 'single',
            required: false,
            options: yesNo,
          },
        ],
      },
      {
        code: 'dispute.land',
        name: '土地山林纠纷',
        nameEn: 'Land and forest dispute',
        sla: { unit: 'working_days', amount: 10 },
      },
      {
        code: 'dispute.family',
        name: '婚姻家庭纠纷',
        nameEn: 'Family dispute',
        sla: { unit: 'working_days', amount: 5 },
      },
    ],
  },
  {
    code: 'security',
    name: '治安隐患',
    nameEn: 'Public security',
    children: [
      {
        code: 'security.suspicious',
        name: '可疑人员车辆',
        nameEn: 'Suspicious people or vehicles',
        sla: { unit: 'working_hours', amount: 4 },
        priority: 'high',
      },
      {
        code: 'security.gambling',
        name: '聚众赌博',
        nameEn: 'Gambling',
        sla: { unit: 'working_days', amount: 1 },
        priority: 'high',
      },
    ],
  },
  {
    code: 'work_safety',
    name: '安全生产',
    nameEn: 'Work safety',
    children: [
      {
        code: 'work_safety.enterprise',
        name: '企业安全隐患',
        nameEn: 'Hazard at an enterprise',
        sla: { unit: 'working_days', amount: 2 },
        priority: 'high',
      },
      {
        code: 'work_safety.construction',
        name: '建筑施工隐患',
        nameEn: 'Construction site hazard',
        sla: { unit: 'working_days', amount: 2 },
      },
    ],
  },
  {
    code: 'fire',
    name: '消防',
    nameEn: 'Fire safety',
    children: [
      {
        code: 'fire.hazard',
        name: '消防隐患',
        nameEn: 'Fire hazard',
        sla: { unit: 'working_days', amount: 1 },
        priority: 'high',
      },
      {
        code: 'fire.passage',
        name: '消防通道堵塞',
        nameEn: 'Blocked fire lane',
        sla: { unit: 'working_hours', amount: 4 },
        priority: 'high',
      },
    ],
  },
  {
    code: 'flood',
    name: '防汛',
    nameEn: 'Flood control',
    children: [
      {
        code: 'flood.reservoir',
        name: '水库险情',
        nameEn: 'Reservoir danger',
        sla: { unit: 'working_hours', amount: 2 },
        priority: 'urgent',
        department: '镇水务所',
        fields: [
          {
            key: 'water_level',
            label: '水位（米）',
            labelEn: 'Water level (m)',
            type: 'number',
            required: false,
          },
        ],
      },
      {
        code: 'flood.landslide',
        name: '山体滑坡',
        nameEn: 'Landslide',
        sla: { unit: 'working_hours', amount: 4 },
        priority: 'urgent',
      },
      {
        code: 'flood.waterlogging',
        name: '内涝积水',
        nameEn: 'Waterlogging',
        sla: { unit: 'working_days', amount: 1 },
        priority: 'high',
      },
    ],
  },
  {
    code: 'sanitation',
    name: '环境卫生',
    nameEn: 'Sanitation',
    children: [
      {
        code: 'sanitation.garbage',
        name: '垃圾乱堆放',
        nameEn: 'Dumped garbage',
        sla: { unit: 'working_days', amount: 2 },
      },
      {
        code: 'sanitation.sewage',
        name: '污水乱排',
        nameEn: 'Sewage discharge',
        sla: { unit: 'working_days', amount: 3 },
      },
    ],
  },
  {
    code: 'facilities',
    name: '市政设施',
    nameEn: 'Public facilities',
    children: [
      {
        code: 'facilities.streetlight',
        name: '路灯损坏',
        nameEn: 'Broken street light',
        sla: { unit: 'working_days', amount: 3 },
        priority: 'low',
      },
      {
        code: 'facilities.water_supply',
        name: '供水设施',
        nameEn: 'Water supply',
        sla: { unit: 'working_days', amount: 2 },
      },
    ],
  },
  {
    code: 'roads',
    name: '道路交通',
    nameEn: 'Roads and traffic',
    children: [
      {
        code: 'roads.damage',
        name: '道路破损',
        nameEn: 'Damaged road',
        sla: { unit: 'working_days', amount: 5 },
      },
      {
        code: 'roads.hazard',
        name: '交通安全隐患',
        nameEn: 'Traffic hazard',
        sla: { unit: 'working_days', amount: 1 },
        priority: 'high',
      },
    ],
  },
  {
    code: 'livelihood',
    name: '民生服务',
    nameEn: 'Livelihood services',
    children: [
      {
        code: 'livelihood.elderly',
        name: '独居老人探访',
        nameEn: 'Visit to an elderly person living alone',
        sla: { unit: 'working_days', amount: 5 },
        priority: 'low',
        fields: [
          {
            key: 'visit_type',
            label: '探访方式',
            labelEn: 'Visit type',
            type: 'single',
            required: true,
            options: [
              { value: 'home', label: '入户', labelEn: 'Home visit' },
              { value: 'phone', label: '电话', labelEn: 'Phone call' },
            ],
          },
        ],
      },
      {
        code: 'livelihood.children',
        name: '留守儿童关爱',
        nameEn: 'Left-behind children care',
        sla: { unit: 'working_days', amount: 5 },
        priority: 'low',
      },
    ],
  },
  {
    code: 'resettlement',
    name: '移民事务',
    nameEn: 'Resettlement affairs',
    children: [
      {
        code: 'resettlement.subsidy',
        name: '移民补助',
        nameEn: 'Resettlement subsidy',
        sla: { unit: 'working_days', amount: 10 },
        department: '镇移民办',
      },
      {
        code: 'resettlement.housing',
        name: '安置房问题',
        nameEn: 'Resettlement housing',
        sla: { unit: 'working_days', amount: 5 },
      },
    ],
  },
  {
    code: 'other',
    name: '其他',
    nameEn: 'Other',
    children: [
      {
        code: 'other.general',
        name: '其他事项',
        nameEn: 'Other matter',
        sla: { unit: 'working_days', amount: 5 },
        priority: 'low',
      },
    ],
  },
];

/** Leaf categories, the ones a case can be reported under. */
export const LEAF_CATEGORY_CODES = CATEGORY_TREE.flatMap((c) => (c.children ?? []).map((leaf) => leaf.code));
