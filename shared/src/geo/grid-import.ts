// Validation of a grid boundary file (RFC 7946 FeatureCollection) before anything is written.
// Winding: RFC 7946 §3.1.6 says parsers should not reject polygons that break the right-hand rule,
// so such rings are accepted, re-wound (outer counter-clockwise, holes clockwise) and reported as
// a warning. Every other problem is an error and blocks the import.
import { bboxOfPolygon } from './bbox';
import { intersectPolygons, subtractPolygons, unionPolygons } from './clipping';
import { geodesicAreaSqm } from './geodesic-area';
import { OVERLAP_TOLERANCE_SQM } from './merge';
import { isRingClosed, orientPolygon, signedRingArea } from './ring';
import { locateSelfIntersection } from './self-intersection';
import type { PolygonCoords, Position } from './types';
import { validatePolygon } from './validate-polygon';

export const GRID_IMPORT_PROBLEM_CODES = [
  'not_feature_collection',
  'not_a_feature',
  'wrong_geometry_type',
  'multipolygon_parts',
  'bad_coordinates',
  'missing_property',
  'bad_code',
  'duplicate_code',
  'unknown_village',
  'code_village_mismatch',
  'village_changed',
  'too_few_points',
  'ring_not_closed',
  'out_of_range',
  'self_intersection',
  'zero_area',
  'rewound',
  'overlap',
  'gap',
] as const;
export type GridImportProblemCode = (typeof GRID_IMPORT_PROBLEM_CODES)[number];

export interface GridImportProblem {
  severity: 'error' | 'warning';
  code: GridImportProblemCode;
  /** Index of the feature in the file; null for problems of the whole file or a village. */
  featureIndex: number | null;
  gridCode: string | null;
  message: string;
  /** A point to put a marker on. */
  location: Position | null;
  /** Areas to draw (the overlap or the gap itself). */
  areas: PolygonCoords[];
}

export interface ImportVillage {
  code: string;
  boundary: PolygonCoords | null;
}

export interface ExistingGrid {
  code: string;
  villageCode: string;
  polygon: PolygonCoords;
}

export interface ImportedGrid {
  featureIndex: number;
  code: string;
  name: string;
  villageCode: string;
  polygon: PolygonCoords;
  areaSqm: number;
  households: number | null;
  population: number | null;
}

export interface GridImportReport {
  grids: ImportedGrid[];
  problems: GridImportProblem[];
}

const GRID_CODE = /^\d{15}$/;
const VILLAGE_CODE = /^\d{12}$/;
/** Uncovered slivers below 1 m² come from floating-point noise along shared edges. */
export const GAP_TOLERANCE_SQM = 1;

type Box = [number, number, number, number];
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const boxCentre = (p: PolygonCoords): Position => {
  const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(p);
  return [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is Position =>
  Array.isArray(v) &&
  v.length >= 2 &&
  v.length <= 3 &&
  v.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Positions are cut to [lon, lat]: an altitude has no meaning for a grid. */
function readPolygonCoords(value: unknown): PolygonCoords | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const rings: PolygonCoords = [];
  for (const ring of value) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return null;
    rings.push(ring.map((p: Position) => [p[0], p[1]] as Position));
  }
  return rings;
}

function readOptionalCount(value: unknown): number | null | 'bad' {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 'bad';
}

type Report = (
  p: Omit<GridImportProblem, 'severity' | 'areas' | 'location'> & Partial<GridImportProblem>,
) => void;

/** Ring problems on the polygon as written; returns the normalised polygon when it is usable. */
function checkGeometry(polygon: PolygonCoords, report: Report, featureIndex: number, gridCode: string) {
  let usable = true;
  polygon.forEach((ring, r) => {
    const label = r === 0 ? 'Outer ring' : `Hole ${r}`;
    const at = { featureIndex, gridCode };
    const bad = ring.find(([lon, lat]) => !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90));
    if (bad) {
      usable = false;
      report({
        ...at,
        code: 'out_of_range',
        message: `${label}: position ${bad.join(', ')} is outside lon ±180 / lat ±90`,
        location: null,
      });
    }
    if (ring.length < 4) {
      usable = false;
      report({
        ...at,
        code: 'too_few_points',
        message: `${label} has ${ring.length} positions; at least 4 are needed`,
        location: ring[0] ?? null,
      });
    } else if (!isRingClosed(ring)) {
      usable = false;
      report({
        ...at,
        code: 'ring_not_closed',
        message: `${label} does not end at its first position`,
        location: ring[ring.length - 1]!,
      });
    }
  });
  if (!usable) return null;
  const oriented = orientPolygon(polygon);
  if (oriented.some((ring, r) => signedRingArea(ring) !== signedRingArea(polygon[r]!))) {
    report({
      featureIndex,
      gridCode,
      severity: 'warning',
      code: 'rewound',
      message: 'Rings did not follow the RFC 7946 right-hand rule; they were re-wound',
    });
  }
  for (const problem of validatePolygon(oriented)) {
    if (problem.code === 'self_intersection') {
      report({
        featureIndex,
        gridCode,
        code: 'self_intersection',
        message: problem.message,
        location: locateSelfIntersection(oriented[problem.ring]!),
      });
      usable = false;
    } else if (problem.code === 'wrong_winding') {
      report({
        featureIndex,
        gridCode,
        code: 'zero_area',
        message: problem.message,
        location: oriented[problem.ring]![0] ?? null,
      });
      usable = false;
    }
  }
  return usable ? oriented : null;
}

function readFeature(
  feature: unknown,
  index: number,
  villages: Map<string, ImportVillage>,
  report: Report,
): ImportedGrid | null {
  if (!isRecord(feature) || feature.type !== 'Feature') {
    report({
      featureIndex: index,
      gridCode: null,
      code: 'not_a_feature',
      message: `Item ${index} is not a GeoJSON Feature`,
    });
    return null;
  }
  const props = isRecord(feature.properties) ? feature.properties : {};
  const code =
    typeof props.code === 'string'
      ? props.code.trim()
      : typeof props.code === 'number'
        ? String(props.code)
        : '';
  const name = typeof props.name === 'string' ? props.name.trim() : '';
  const rawVillage = props.village_code ?? props.villageCode;
  const villageCode =
    typeof rawVillage === 'string'
      ? rawVillage.trim()
      : typeof rawVillage === 'number'
        ? String(rawVillage)
        : '';
  const gridCode = code || null;
  const at = { featureIndex: index, gridCode };
  let ok = true;
  for (const [key, value] of [
    ['code', code],
    ['name', name],
    ['village_code', villageCode],
  ] as const) {
    if (!value) {
      report({ ...at, code: 'missing_property', message: `Property "${key}" is missing or empty` });
      ok = false;
    }
  }
  if (code && !GRID_CODE.test(code)) {
    report({ ...at, code: 'bad_code', message: `Grid code ${code} must be 15 digits` });
    ok = false;
  }
  if (villageCode && !VILLAGE_CODE.test(villageCode)) {
    report({ ...at, code: 'bad_code', message: `Village code ${villageCode} must be 12 digits` });
    ok = false;
  } else if (villageCode && !villages.has(villageCode)) {
    report({
      ...at,
      code: 'unknown_village',
      message: `Village ${villageCode} is unknown or outside your area`,
    });
    ok = false;
  }
  if (code && villageCode && !code.startsWith(villageCode)) {
    report({
      ...at,
      code: 'code_village_mismatch',
      message: `Grid code ${code} must start with its village code ${villageCode}`,
    });
    ok = false;
  }
  if (name.length > 60) {
    report({ ...at, code: 'missing_property', message: 'Property "name" is longer than 60 characters' });
    ok = false;
  }
  const households = readOptionalCount(props.households);
  const population = readOptionalCount(props.population);
  if (households === 'bad' || population === 'bad') {
    report({
      ...at,
      code: 'missing_property',
      message: 'households and population must be whole numbers ≥ 0',
    });
    ok = false;
  }
  const geometry = isRecord(feature.geometry) ? feature.geometry : null;
  let coords: PolygonCoords | null = null;
  if (geometry?.type === 'Polygon') {
    coords = readPolygonCoords(geometry.coordinates);
  } else if (geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    // A grid is one area; a MultiPolygon is accepted only when it holds exactly one polygon.
    if (geometry.coordinates.length !== 1) {
      report({
        ...at,
        code: 'multipolygon_parts',
        message: `A grid must be one polygon; this MultiPolygon has ${geometry.coordinates.length} parts`,
      });
      return null;
    }
    coords = readPolygonCoords(geometry.coordinates[0]);
  } else {
    const type = geometry && typeof geometry.type === 'string' ? geometry.type : 'none';
    report({
      ...at,
      code: 'wrong_geometry_type',
      message: `Geometry must be a Polygon (or a one-part MultiPolygon), not ${type}`,
    });
    return null;
  }
  if (!coords) {
    report({
      ...at,
      code: 'bad_coordinates',
      message: 'Coordinates must be arrays of [longitude, latitude] numbers',
    });
    return null;
  }
  const polygon = checkGeometry(coords, report, index, code);
  if (!polygon || !ok) return null;
  return {
    featureIndex: index,
    code,
    name,
    villageCode,
    polygon,
    areaSqm: geodesicAreaSqm(polygon),
    households: households as number | null,
    population: population as number | null,
  };
}

interface Placed {
  code: string;
  villageCode: string;
  polygon: PolygonCoords;
  box: Box;
  featureIndex: number | null;
}

function findOverlaps(imported: Placed[], kept: Placed[], report: Report) {
  const check = (a: Placed, b: Placed) => {
    if (!boxesMeet(a.box, b.box)) return;
    const pieces = intersectPolygons(a.polygon, b.polygon);
    const area = pieces.reduce((sum, p) => sum + geodesicAreaSqm(p), 0);
    if (area <= OVERLAP_TOLERANCE_SQM) return;
    report({
      featureIndex: a.featureIndex,
      gridCode: a.code,
      code: 'overlap',
      message: `Grid ${a.code} overlaps grid ${b.code}${b.featureIndex === null ? ' (existing)' : ''} by ${Math.round(area)} m²`,
      location: boxCentre(pieces[0]!),
      areas: pieces,
    });
  };
  imported.forEach((a, i) => {
    for (const b of imported.slice(i + 1)) check(a, b);
    for (const b of kept) check(a, b);
  });
}

function findGaps(
  villageCodes: Set<string>,
  villages: Map<string, ImportVillage>,
  placed: Placed[],
  report: Report,
) {
  for (const villageCode of villageCodes) {
    const boundary = villages.get(villageCode)?.boundary;
    if (!boundary) continue;
    const grids = placed.filter((p) => p.villageCode === villageCode).map((p) => p.polygon);
    const uncovered = subtractPolygons(boundary, grids.length ? unionPolygons(grids) : []).filter(
      (piece) => geodesicAreaSqm(piece) > GAP_TOLERANCE_SQM,
    );
    for (const piece of uncovered) {
      report({
        featureIndex: null,
        gridCode: null,
        code: 'gap',
        message: `Village ${villageCode}: ${Math.round(geodesicAreaSqm(piece))} m² of its area is in no grid`,
        location: boxCentre(piece),
        areas: [piece],
      });
    }
  }
}

/**
 * Checks a grid boundary file against the villages it names and the grids already stored. Grids whose
 * code is in the file are replaced; the others stay and count for overlaps and gaps. Pure: the caller
 * loads the villages and nearby grids and writes only when no problem has severity 'error'.
 */
export function validateGridImport(
  input: unknown,
  context: { villages: ImportVillage[]; existingGrids: ExistingGrid[] },
): GridImportReport {
  const problems: GridImportProblem[] = [];
  const report: Report = (p) => problems.push({ severity: 'error', location: null, areas: [], ...p });
  if (!isRecord(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    report({
      featureIndex: null,
      gridCode: null,
      code: 'not_feature_collection',
      message: 'The file must be a GeoJSON FeatureCollection',
    });
    return { grids: [], problems };
  }
  const villages = new Map(context.villages.map((v) => [v.code, v]));
  const grids: ImportedGrid[] = [];
  const seen = new Map<string, number>();
  input.features.forEach((feature, index) => {
    const grid = readFeature(feature, index, villages, report);
    const code =
      isRecord(feature) && isRecord(feature.properties) ? String(feature.properties.code ?? '') : '';
    if (code && seen.has(code)) {
      report({
        featureIndex: index,
        gridCode: code,
        code: 'duplicate_code',
        message: `Grid code ${code} also appears in feature ${seen.get(code)}`,
      });
    } else if (code) seen.set(code, index);
    if (grid) grids.push(grid);
  });
  const existingByCode = new Map(context.existingGrids.map((g) => [g.code, g]));
  for (const grid of grids) {
    const existing = existingByCode.get(grid.code);
    if (existing && existing.villageCode !== grid.villageCode) {
      report({
        featureIndex: grid.featureIndex,
        gridCode: grid.code,
        code: 'village_changed',
        message: `Grid ${grid.code} belongs to village ${existing.villageCode}; a grid cannot move to another village`,
      });
    }
  }
  const imported: Placed[] = grids.map((g) => ({ ...g, box: bboxOfPolygon(g.polygon) }));
  const kept: Placed[] = context.existingGrids
    .filter((g) => !seen.has(g.code))
    .map((g) => ({ ...g, featureIndex: null, box: bboxOfPolygon(g.polygon) }));
  findOverlaps(imported, kept, report);
  // Gaps are only meaningful once every feature of the village parsed.
  const broken = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.featureIndex));
  const villageCodes = new Set(grids.filter((g) => !broken.has(g.featureIndex)).map((g) => g.villageCode));
  if (!problems.some((p) => p.severity === 'error' && p.code !== 'overlap')) {
    findGaps(villageCodes, villages, [...imported, ...kept], report);
  }
  return { grids, problems };
}
