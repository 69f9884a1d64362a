import { z } from 'zod';

/** Runtime configuration the SPA reads at start, so one build serves every deployment. */
export const clientConfigSchema = z.object({
  map: z.object({
    /** Leaflet URL template of the base tile layer; null = no base layer (grid polygons carry the map). */
    tileUrl: z.string().nullable(),
    tileAttribution: z.string(),
    /** Initial centre [lat, lon] and zoom before the map fits the user's scope. */
    center: z.tuple([z.number(), z.number()]),
    zoom: z.number(),
  }),
  /** What POST /api/uploads accepts, so a phone can shrink a photo before sending it (issue 13). */
  uploads: z.object({
    /** UPLOAD_MAX_BYTES: the largest file the server takes. */
    maxBytes: z.number().int().positive(),
    /** The longest side in pixels the server decodes. */
    maxSidePx: z.number().int().positive(),
    /** The image types the server keeps (by content, not by name). */
    acceptedTypes: z.array(z.string()),
  }),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
