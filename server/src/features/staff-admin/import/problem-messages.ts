import type { ImportProblem, ImportProblemCode } from '@gridgov/shared';

type Lang = 'zh-CN' | 'en';

const MESSAGES: Record<ImportProblemCode, Record<Lang, string>> = {
  required: { 'zh-CN': '必填项为空', en: 'Required value is missing' },
  formula: { 'zh-CN': '不接受公式，请填写纯文本', en: 'Formulas are not accepted: enter plain text' },
  bad_phone: {
    'zh-CN': '手机号格式不正确（11位，以1开头）',
    en: 'Not a mobile number (11 digits starting with 1)',
  },
  bad_username: {
    'zh-CN': '用户名须为3–32位小写字母、数字或 . _ -',
    en: 'Username must be 3–32 lower-case letters, digits or . _ -',
  },
  bad_role: {
    'zh-CN': '角色须为 网格长、网格员、巡防员 或 镇领导',
    en: 'Role must be 网格长, 网格员, 巡防员 or 镇领导',
  },
  bad_party: { 'zh-CN': '是否党员须填 是 或 否', en: 'Party member must be 是 (yes) or 否 (no)' },
  too_long: { 'zh-CN': '内容过长', en: 'Too long' },
  control_character: { 'zh-CN': '含有不可见的控制字符', en: 'Contains an invisible control character' },
  unknown_village: {
    'zh-CN': '找不到该村（或不在您的管辖范围）',
    en: 'Unknown village (or outside your scope)',
  },
  unknown_grid: {
    'zh-CN': '找不到该网格编码（或不在您的管辖范围）',
    en: 'Unknown grid code (or outside your scope)',
  },
  grid_not_in_village: { 'zh-CN': '该网格不属于所填的村', en: 'The grid is not in that village' },
  grid_count: {
    'zh-CN': '网格数不符：网格员和巡防员填1个，网格长至少1个，镇领导不填',
    en: 'Wrong number of grids: one for workers and patrollers, at least one for leaders, none for town leaders',
  },
  grid_has_worker: { 'zh-CN': '该网格已有在岗网格员', en: 'The grid already has an active worker' },
  grid_has_leader: { 'zh-CN': '该网格已有在岗网格长', en: 'The grid already has an active leader' },
  duplicate_phone_in_file: { 'zh-CN': '手机号与文件中另一行重复', en: 'Phone number repeated in the file' },
  duplicate_username_in_file: { 'zh-CN': '用户名与文件中另一行重复', en: 'Username repeated in the file' },
  duplicate_grid_worker_in_file: {
    'zh-CN': '文件中另一行已是该网格的网格员',
    en: 'Another row already makes someone the worker of this grid',
  },
  duplicate_grid_leader_in_file: {
    'zh-CN': '文件中另一行已为该网格指定网格长',
    en: 'Another row of the file already gives this grid a leader',
  },
  phone_exists: {
    'zh-CN': '该手机号已被在册人员使用',
    en: 'Someone on the roster already has this phone number',
  },
  username_exists: { 'zh-CN': '该用户名已存在', en: 'This username is taken' },
};

export function describeProblem(problem: ImportProblem, lang: Lang): string {
  const text = MESSAGES[problem.code][lang];
  if (!problem.otherRow) return text;
  return lang === 'en' ? `${text} (row ${problem.otherRow})` : `${text}（第${problem.otherRow}行）`;
}
