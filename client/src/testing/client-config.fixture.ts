import type { ClientConfig } from '@gridgov/shared';

/** GET /api/config as a default server answers it (10 MB uploads, no tile layer). */
export function buildClientConfig(overrides: Partial<ClientConfig> = {}): ClientConfig {
  return {
    map: { tileUrl: null, tileAttribution: '', center: [23, 113], zoom: 12 },
    uploads: {
      maxBytes: 10 * 1024 * 1024,
      maxSidePx: 12_000,
      acceptedTypes: ['image/jpeg', 'image/png', 'image/webp'],
    },
    ...overrides,
  };
}
