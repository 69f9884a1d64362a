import { randomUUID } from 'node:crypto';
import type { LiveCaseEvent } from '@gridgov/shared';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import type { BusMessage, CaseChange, CaseEventBus } from './case-event-bus';
import { createMemoryBus } from './memory-bus';
import { createPostgresBus } from './postgres-bus';

const url = process.env.TEST_DATABASE_URL;
const logger = createLogger({ LOG_LEVEL: 'silent' });

function buildChange(caseId = randomUUID()): CaseChange {
  const event: LiveCaseEvent = {
    kind: 'created',
    caseId,
    townId: randomUUID(),
    gridId: randomUUID(),
    status: 'reported',
    location: { lon: 110.3, lat: 21.9 },
    deadline: null,
    deadlineStatus: null,
    isEscalated: false,
    version: 0,
    at: new Date().toISOString(),
  };
  return { event, reporterId: randomUUID(), assigneeId: null };
}

function collect(bus: CaseEventBus): BusMessage[] {
  const messages: BusMessage[] = [];
  bus.subscribe((message) => messages.push(message));
  return messages;
}

const caseIdsOf = (messages: BusMessage[]) =>
  messages.flatMap((m) => (m.type === 'case' ? [m.change.event.caseId] : []));

describe('memory bus (embedded database)', () => {
  it('when a change is published, then every subscriber gets it and an unsubscribed one does not', async () => {
    const bus = createMemoryBus(logger);
    const heard = collect(bus);
    const gone: BusMessage[] = [];
    const unsubscribe = bus.subscribe((m) => gone.push(m));
    unsubscribe();
    bus.subscribe(() => {
      throw new Error('a broken listener');
    });
    const change = buildChange();
    await bus.publish([change]);
    await expect.poll(() => caseIdsOf(heard)).toEqual([change.event.caseId]);
    expect(gone).toEqual([]);
    expect(bus.listenerCount()).toBe(2);
    await bus.close();
  });
});

describe.skipIf(!url)('PostgreSQL bus (LISTEN/NOTIFY)', () => {
  const buses: CaseEventBus[] = [];
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
  });

  async function openBus(applicationName: string) {
    const bus = await createPostgresBus({ connectionString: url!, logger, applicationName });
    buses.push(bus);
    return bus;
  }

  it('when instance A publishes, then both A and B hear it once', async () => {
    const a = await openBus(`test-bus-a-${randomUUID().slice(0, 8)}`);
    const b = await openBus(`test-bus-b-${randomUUID().slice(0, 8)}`);
    const heardByA = collect(a);
    const heardByB = collect(b);
    const changes = [buildChange(), buildChange()];
    await a.publish(changes);
    const expected = changes.map((c) => c.event.caseId);
    await expect.poll(() => caseIdsOf(heardByB), { timeout: 2_000 }).toEqual(expected);
    await expect.poll(() => caseIdsOf(heardByA), { timeout: 2_000 }).toEqual(expected);
    const received = heardByB[0];
    expect(received?.type === 'case' && received.change).toEqual(changes[0]);
  });

  it('when the listening connection is killed, then the bus reconnects, says resync, and hears again', async () => {
    const name = `test-bus-kill-${randomUUID().slice(0, 8)}`;
    const listener = await openBus(name);
    const publisher = await openBus(`test-bus-pub-${randomUUID().slice(0, 8)}`);
    const heard = collect(listener);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
        [name],
      );
      expect(killed.rows).toEqual([{ ok: true }]);
    } finally {
      await admin.end();
    }
    await expect.poll(() => heard.some((m) => m.type === 'resync'), { timeout: 5_000 }).toBe(true);
    const change = buildChange();
    await publisher.publish([change]);
    await expect.poll(() => caseIdsOf(heard), { timeout: 2_000 }).toContain(change.event.caseId);
  });

  it('when a notification payload is not a case change, then it is ignored', async () => {
    const bus = await openBus(`test-bus-junk-${randomUUID().slice(0, 8)}`);
    const heard = collect(bus);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_notify('gridgov_case_changes', '{"not":"a change"}')`);
    } finally {
      await admin.end();
    }
    const change = buildChange();
    await bus.publish([change]);
    await expect.poll(() => caseIdsOf(heard), { timeout: 2_000 }).toEqual([change.event.caseId]);
    expect(heard).toHaveLength(1);
  });
});
