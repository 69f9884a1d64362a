import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('when the environment is empty, then the defaults apply (PGlite, port 3000, migrate and seed on start)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      PGLITE_DIR: './data/pglite',
      MIGRATE_ON_START: true,
      SEED_DEMO: true,
      TRUST_PROXY: false,
      PGLITE_SHARED_BUFFERS: '32MB',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('when PGLITE_SHARED_BUFFERS is not a PostgreSQL size, then it is refused naming the form', () => {
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: '256MB' }).PGLITE_SHARED_BUFFERS).toBe('256MB');
    for (const bad of ['32', '32 MB', '32mb', "32MB' -c fsync=off"]) {
      expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: bad })).toThrow(/PGLITE_SHARED_BUFFERS.*32MB/);
    }
  });

  it('when several keys are bad, then it fails listing every one of them', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MIGRATE_ON_START: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual(['DATABASE_URL', 'MIGRATE_ON_START', 'PORT']);
  });

  it('when TRUST_PROXY is a hop count or a subnet, then it is passed to Express as such', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.0/8');
  });
});
