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
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
