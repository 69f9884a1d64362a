// Crash safety (issue 12): the real server, killed with SIGKILL while people report cases, loses no
// report it acknowledged. CRASH_ROUNDS sets the number of kills (3 in CI; e.g. 20 for a longer run).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PASSWORD } from '@gridgov/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';
import { type ServerProcess, startServerProcess } from './testing/server-process';
import { HttpClient } from './testing/test-app';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const WRITERS = 8;
/** Acknowledged reports per round before the kill: the kill lands while the writers are busy. */
const ACKS_BEFORE_KILL = 12;

let scratch: ScratchDatabase;
let uploadDir: string;
let running: ServerProcess | undefined;

beforeAll(async () => {
  scratch = await createScratchDatabase('crash');
  uploadDir = await mkdtemp(join(tmpdir(), 'gridgov-crash-uploads-'));
}, 120_000);
afterAll(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  await scratch?.drop();
  if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
});

async function start(): Promise<{ server: ServerProcess; worker: HttpClient }> {
  running = await startServerProcess({
    DATABASE_URL: scratch.databaseUrl ?? '',
    PGLITE_DIR: scratch.pgliteDir ?? './unused',
    PGLITE_MAINTENANCE_SECONDS: '0',
    SEED_DEMO: 'true',
    DEMO_HISTORY_CASES: '0',
    DEMO_PASSWORD: TEST_PASSWORD,
    UPLOAD_DIR: uploadDir,
    CLIENT_DIST: uploadDir,
    LOG_LEVEL: 'info',
  });
  const worker = new HttpClient(running.url);
  await worker.signIn('gw001', TEST_PASSWORD);
  return { server: running, worker };
}

interface Ack {
  key: string;
  caseId: string;
  description: string;
}

describe('crash safety', () => {
  it(`when the server is killed (SIGKILL) during concurrent reports ${ROUNDS} times and restarted on the same data, then every acknowledged report is there and readable`, async () => {
    const acked: Ack[] = [];
    let attempts = 0;
    let gridId = '';
    for (let round = 0; round < ROUNDS; round++) {
      const { server, worker } = await start();
      gridId ||= (await worker.get('/api/grids')).body.items[0].id;
      let ackedThisRound = 0;
      let isKilled = false;
      const write = async (writer: number) => {
        for (let n = 0; !isKilled; n++) {
          const key = randomUUID();
          const description = `断电测试 round ${round} writer ${writer} report ${n}`;
          attempts++;
          const response = await worker
            .post(
              '/api/cases',
              { categoryCode: 'sanitation.garbage', description, gridId },
              {
                headers: { 'Idempotency-Key': key },
              },
            )
            .catch(() => null);
          if (!response) return; // The connection died with the server: not acknowledged.
          if (response.status === 503) continue; // Shed under load: not acknowledged either.
          if (response.status >= 200 && response.status < 300) {
            acked.push({ key, caseId: response.body.id, description });
            if (++ackedThisRound === ACKS_BEFORE_KILL) {
              isKilled = true;
              server.child.kill('SIGKILL');
            }
          } else {
            throw new Error(`report answered ${response.status}: ${JSON.stringify(response.body)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, writer) => write(writer)));
      expect(await server.exited).toBe('SIGKILL');
    }

    const { worker } = await start();
    const lost: Ack[] = [];
    for (const ack of acked) {
      const read = await worker.get(`/api/cases/${ack.caseId}`);
      if (read.status !== 200 || read.body.description !== ack.description) lost.push(ack);
    }
    expect(lost).toEqual([]);
    // The idempotency record survived too: sending an acknowledged report again replays it.
    const again = acked[0]!;
    const replay = await worker.post(
      '/api/cases',
      { categoryCode: 'sanitation.garbage', description: again.description, gridId },
      { headers: { 'Idempotency-Key': again.key } },
    );
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(again.caseId);
    expect(acked.length).toBeGreaterThanOrEqual(ROUNDS * ACKS_BEFORE_KILL);
    console.info(
      `crash safety: ${ROUNDS} kills, ${attempts} reports sent, ${acked.length} acknowledged, 0 lost`,
    );
  }, 600_000);
});
