import { z } from 'zod';
import { staffRefSchema } from './staff.schema';

export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof bboxSchema>;

const position = z.tuple([z.number(), z.number()]);
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position)),
});
export type PolygonGeometry = z.infer<typeof polygonSchema>;

export const regionRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type RegionRef = z.infer<typeof regionRefSchema>;

export const gridSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  village: regionRefSchema,
  worker: staffRefSchema.nullable(),
  leader: staffRefSchema.nullable(),
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
  areaSqm: z.number(),
  bbox: bboxSchema,
});
export type GridSummary = z.infer<typeof gridSummarySchema>;

export const gridListSchema = z.object({ items: z.array(gridSummarySchema) });
export type GridList = z.infer<typeof gridListSchema>;

export const gridDetailSchema = gridSummarySchema.extend({
  town: regionRefSchema,
  patrollers: z.array(staffRefSchema),
  boundary: polygonSchema,
  /** Earlier and current holders of this grid's roles, newest first. */
  history: z.array(
    z.object({
      staff: staffRefSchema,
      role: z.string(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
});
export type GridDetail = z.infer<typeof gridDetailSchema>;

export const gridFeaturePropertiesSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  village: regionRefSchema,
  worker: staffRefSchema.nullable(),
  leader: staffRefSchema.nullable(),
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
});
export type GridFeatureProperties = z.infer<typeof gridFeaturePropertiesSchema>;

export const gridFeatureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: polygonSchema,
      properties: gridFeaturePropertiesSchema,
    }),
  ),
});
export type GridFeatureCollection = z.infer<typeof gridFeatureCollectionSchema>;

export const gridNodeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  worker: staffRefSchema.nullable(),
  leader: staffRefSchema.nullable(),
  patrollerCount: z.number().int(),
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
});
export const villageNodeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  gridCount: z.number().int(),
  grids: z.array(gridNodeSchema),
});
export const townNodeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  villageCount: z.number().int(),
  gridCount: z.number().int(),
  staffCount: z.number().int(),
  /** Whether the viewer administers this town (may give posts in its grids). */
  isAdministered: z.boolean(),
  villages: z.array(villageNodeSchema),
});
export const regionTreeSchema = z.object({ towns: z.array(townNodeSchema) });
export type GridNode = z.infer<typeof gridNodeSchema>;
export type VillageNode = z.infer<typeof villageNodeSchema>;
export type TownNode = z.infer<typeof townNodeSchema>;
export type RegionTree = z.infer<typeof regionTreeSchema>;
