import { describe, expect, it } from 'vitest';
import { MEMORY_DIR, openDatabase } from './database';

describe('openDatabase (PGlite)', () => {
  it('when a shared_buffers size is given, then the embedded PostgreSQL runs with it; without one, with its own default', async () => {
    const sized = await openDatabase({ pgliteDir: MEMORY_DIR, pgliteSharedBuffers: '16MB' });
    try {
      const [row] = await sized.sql.query<{ shared_buffers: string }>({
        text: 'SHOW shared_buffers',
        values: [],
      });
      expect(row?.shared_buffers).toBe('16MB');
    } finally {
      await sized.close();
    }
    const plain = await openDatabase({ pgliteDir: MEMORY_DIR });
    try {
      const [row] = await plain.sql.query<{ shared_buffers: string }>({
        text: 'SHOW shared_buffers',
        values: [],
      });
      expect(row?.shared_buffers).toBe('128MB');
    } finally {
      await plain.close();
    }
  });
});
