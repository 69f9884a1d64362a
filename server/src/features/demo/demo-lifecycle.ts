// Plays one demo case through its life with the real state machine, at made-up times.
import {
  applyCaseEvent,
  type CaseActionRequest,
  type CaseActor,
  type CaseEventRecord,
  type CaseProjection,
  decideCaseAction,
  EMPTY_PROJECTION,
  type SlaDuration,
  type WorkingCalendar,
} from '@gridgov/shared';

const HOUR = 3_600_000;

export interface DemoCast {
  reporterId: string;
  workerId: string | null;
  leaderId: string;
  townLeaderId: string;
}

export interface DemoLife {
  events: CaseEventRecord[];
  projection: CaseProjection;
  actions: number;
  /** Feedback events that need an after-photo, by index in `events`. */
  feedbackIndexes: number[];
}

export function playDemoCase(options: {
  random: () => number;
  calendar: WorkingCalendar;
  reportedAt: Date;
  end: Date;
  sla: SlaDuration;
  cast: DemoCast;
  /** The case stops before feedback (a backlog case: open, and overdue once its deadline passes). */
  isStalled?: boolean;
}): DemoLife {
  const { random, calendar, cast, end } = options;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const leader: CaseActor = { id: cast.leaderId, roles: ['grid_leader'], leadsGrid: true, leadsTown: false };
  const townLeader: CaseActor = {
    id: cast.townLeaderId,
    roles: ['town_leader'],
    leadsGrid: false,
    leadsTown: true,
  };
  const report: CaseEventRecord = {
    kind: 'report',
    actorId: cast.reporterId,
    at: options.reportedAt.toISOString(),
    fromStatus: null,
    toStatus: 'reported',
    note: null,
    assigneeId: null,
    photoIds: [],
    data: {},
  };
  const life: DemoLife = { events: [report], projection: EMPTY_PROJECTION, actions: 0, feedbackIndexes: [] };
  let now = options.reportedAt;

  /** Takes an action at `now + hours`; false when that moment is past the end of the history. */
  const step = (hours: number, actor: CaseActor, request: Omit<CaseActionRequest, 'version'>): boolean => {
    const at = new Date(now.getTime() + hours * HOUR);
    if (at > end) return false;
    now = at;
    const events = decideCaseAction(
      life.projection,
      { ...request, version: life.actions },
      {
        now,
        calendar,
        actor,
        reporterId: cast.reporterId,
        sla: options.sla,
        autoAssigneeId: cast.workerId ?? cast.leaderId,
      },
    );
    for (const e of events) {
      if (e.kind === 'feedback') life.feedbackIndexes.push(life.events.length);
      life.events.push(e);
      life.projection = applyCaseEvent(life.projection, e);
    }
    life.actions++;
    return true;
  };
  const assignee = (): CaseActor => ({
    id: life.projection.assigneeId!,
    roles: ['grid_worker'],
    leadsGrid: false,
    leadsTown: false,
  });
  const placeholderPhoto = ['00000000-0000-7000-8000-000000000000'];

  const fate = random();
  if (fate < 0.04) {
    step(between(1, 8), leader, { action: 'reject', note: '不属于网格事项，已告知当事人向相关部门反映' });
    return life;
  }
  if (fate < 0.06) {
    step(between(1, 8), leader, { action: 'cancel', note: '当事人已自行解决，撤销' });
    return life;
  }
  if (!step(between(0.5, 6), leader, { action: 'accept' })) return life;
  if (random() < 0.05) step(between(2, 48), townLeader, { action: 'escalate', note: '请加快处置，按期办结' });
  if (random() < 0.03 && step(between(4, 24), leader, { action: 'suspend', note: '等待当事人返乡协调' })) {
    if (!step(between(24, 96), leader, { action: 'resume' })) return life;
  }
  if (options.isStalled && random() < 0.3) return life;
  if (!step(between(1, 20), assignee(), { action: 'start' })) return life;
  if (options.isStalled) return life;
  if (random() < 0.05 && life.projection.deadline) {
    const wanted = new Date(new Date(life.projection.deadline).getTime() + 5 * 24 * HOUR).toISOString();
    if (
      !step(between(2, 24), assignee(), {
        action: 'request_extension',
        note: '需等待材料到位',
        deadline: wanted,
      })
    )
      return life;
    if (!step(between(1, 12), leader, { action: 'approve_extension' })) return life;
  }
  const deadline = life.projection.deadline
    ? new Date(life.projection.deadline).getTime()
    : now.getTime() + 48 * HOUR;
  // Most cases are handled in time; about one in twelve runs a little late.
  const span = Math.max(HOUR, deadline - now.getTime());
  const share = random() < 0.92 ? between(0.3, 0.97) : between(1.05, 1.8);
  if (
    !step((span * share) / HOUR, assignee(), {
      action: 'feedback',
      note: '已到现场处置完毕',
      photoIds: placeholderPhoto,
    })
  )
    return life;
  if (random() < 0.1) {
    if (!step(between(2, 24), leader, { action: 'return', note: '现场核查仍未整改到位，请返工' }))
      return life;
    if (!step(between(1, 12), assignee(), { action: 'start' })) return life;
    if (
      !step(between(4, 30), assignee(), {
        action: 'feedback',
        note: '已返工整改',
        photoIds: placeholderPhoto,
      })
    )
      return life;
  }
  // Grid leaders check on site, often a few days later: handled cases wait for them.
  step(between(2, 96), leader, { action: 'verify', note: '经核查已办结' });
  return life;
}
