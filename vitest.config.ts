import { defineConfig } from 'vitest/config';

// One Vitest run covers every workspace; `--project NAME` selects one.
export default defineConfig({
  test: {
    projects: ['shared', 'prisma', 'server', 'client'],
  },
});
