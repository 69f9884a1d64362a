import { describe, expect, it } from 'vitest';
import { type ExistingGrid, type ImportVillage, validateGridImport } from './grid-import';
import { buildRect, ORIGIN, STEP } from './shapes.fixture';
import type { PolygonCoords } from './types';

const VILLAGE = '440881110001';
const village: ImportVillage = { code: VILLAGE, boundary: buildRect(0, 0, 2, 1) };

function feature(code: string, polygon: unknown, extra: Record<string, unknown> = {}) {
  const geometry =
    typeof polygon === 'object' && polygon && 'type' in polygon
      ? polygon
      : { type: 'Polygon', coordinates: polygon };
  return {
    type: 'Feature',
    properties: { code, name: `网格${code.slice(-3)}`, village_code: VILLAGE, ...extra },
    geometry,
  };
}
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const run = (input: unknown, existingGrids: ExistingGrid[] = [], villages = [village]) =>
  validateGridImport(input, { villages, existingGrids });
const errors = (input: unknown, existingGrids: ExistingGrid[] = []) =>
  run(input, existingGrids).problems.filter((p) => p.severity === 'error');

const left = buildRect(0, 0, 1, 1);
const right = buildRect(1, 0, 2, 1);

describe('validateGridImport', () => {
  it('when two grids tile the village, then there is no problem and both are returned with areas', () => {
    const report = run(collection(feature(`${VILLAGE}001`, left), feature(`${VILLAGE}002`, right)));
    expect(report.problems).toEqual([]);
    expect(report.grids.map((g) => g.code)).toEqual([`${VILLAGE}001`, `${VILLAGE}002`]);
    expect(report.grids[0]!.areaSqm).toBeGreaterThan(1e6);
  });

  it('when the input is not a FeatureCollection, then one file-level error', () => {
    expect(errors({ type: 'Feature' }).map((p) => p.code)).toEqual(['not_feature_collection']);
    expect(errors([1, 2]).map((p) => p.code)).toEqual(['not_feature_collection']);
  });

  it('when two grids overlap, then an overlap error carries the overlapping area to draw', () => {
    const [problem] = errors(
      collection(feature(`${VILLAGE}001`, left), feature(`${VILLAGE}002`, buildRect(0.5, 0, 2, 1))),
    );
    expect(problem).toMatchObject({ code: 'overlap', featureIndex: 0, gridCode: `${VILLAGE}001` });
    expect(problem!.areas).toHaveLength(1);
    expect(problem!.location![0]).toBeCloseTo(ORIGIN[0] + 0.75 * STEP, 9);
  });

  it('when a grid overlaps an existing grid that is not replaced, then overlap; replacing it clears that', () => {
    const existing: ExistingGrid[] = [{ code: `${VILLAGE}002`, villageCode: VILLAGE, polygon: right }];
    const wide = feature(`${VILLAGE}001`, buildRect(0, 0, 1.5, 1));
    expect(errors(collection(wide), existing).map((p) => p.code)).toContain('overlap');
    const replaced = collection(wide, feature(`${VILLAGE}002`, buildRect(1.5, 0, 2, 1)));
    expect(errors(replaced, existing)).toEqual([]);
  });

  it('when a ring is open, then ring_not_closed at its last position', () => {
    const open = left[0]!.slice(0, -1);
    const [problem] = errors(collection(feature(`${VILLAGE}001`, [open]), feature(`${VILLAGE}002`, right)));
    expect(problem).toMatchObject({
      code: 'ring_not_closed',
      featureIndex: 0,
      location: open[open.length - 1],
    });
  });

  it('when a ring crosses itself, then self_intersection at the crossing point', () => {
    const bowTie: PolygonCoords = [
      [
        [ORIGIN[0], ORIGIN[1]],
        [ORIGIN[0] + STEP, ORIGIN[1] + STEP],
        [ORIGIN[0] + STEP, ORIGIN[1]],
        [ORIGIN[0], ORIGIN[1] + STEP],
        [ORIGIN[0], ORIGIN[1]],
      ],
    ];
    const problems = errors(collection(feature(`${VILLAGE}001`, bowTie)));
    expect(problems.map((p) => p.code)).toContain('self_intersection');
    const location = problems.find((p) => p.code === 'self_intersection')!.location!;
    expect(location[0]).toBeCloseTo(ORIGIN[0] + STEP / 2, 9);
    expect(location[1]).toBeCloseTo(ORIGIN[1] + STEP / 2, 9);
  });

  it('when a position is out of range or not a number, then out_of_range or bad_coordinates', () => {
    const far: PolygonCoords = [
      [
        [200, 10],
        [201, 10],
        [201, 11],
        [200, 10],
      ],
    ];
    expect(errors(collection(feature(`${VILLAGE}001`, far))).map((p) => p.code)).toContain('out_of_range');
    const text = [
      [
        ['110.3', '21.9'],
        [110.31, 21.9],
        [110.31, 21.91],
        ['110.3', '21.9'],
      ],
    ];
    expect(errors(collection(feature(`${VILLAGE}001`, text))).map((p) => p.code)).toEqual([
      'bad_coordinates',
    ]);
  });

  it('when the geometry is a Point, LineString or a multi-part MultiPolygon, then a type error', () => {
    const point = feature(`${VILLAGE}001`, { type: 'Point', coordinates: [110.3, 21.9] });
    const line = feature(`${VILLAGE}002`, {
      type: 'LineString',
      coordinates: [
        [110.3, 21.9],
        [110.31, 21.9],
      ],
    });
    const multi = feature(`${VILLAGE}003`, { type: 'MultiPolygon', coordinates: [left, right] });
    expect(errors(collection(point, line, multi)).map((p) => p.code)).toEqual([
      'wrong_geometry_type',
      'wrong_geometry_type',
      'multipolygon_parts',
    ]);
  });

  it('when a one-part MultiPolygon tiles with a Polygon, then it is accepted as a polygon', () => {
    const multi = feature(`${VILLAGE}001`, { type: 'MultiPolygon', coordinates: [left] });
    expect(run(collection(multi, feature(`${VILLAGE}002`, right))).problems).toEqual([]);
  });

  it('when a ring runs clockwise, then it is re-wound and reported as a warning only', () => {
    const clockwise = [[...left[0]!].reverse()];
    const report = run(collection(feature(`${VILLAGE}001`, clockwise), feature(`${VILLAGE}002`, right)));
    expect(report.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'rewound']]);
    expect(report.grids[0]!.polygon).toEqual(left);
  });

  it('when grids leave part of the village uncovered, then a gap with the uncovered area', () => {
    const [problem] = errors(
      collection(feature(`${VILLAGE}001`, left), feature(`${VILLAGE}002`, buildRect(1, 0, 1.8, 1))),
    );
    expect(problem).toMatchObject({ code: 'gap', featureIndex: null });
    expect(problem!.areas).toHaveLength(1);
  });

  it('when codes repeat, villages are unknown, codes do not fit the village or properties are missing, then each is listed', () => {
    const codes = errors(
      collection(
        feature(`${VILLAGE}001`, left),
        feature(`${VILLAGE}001`, right),
        feature('440881110099001', left, { village_code: '440881110099' }),
        feature('440881110002001', left),
        feature(`${VILLAGE}004`, left, { name: '' }),
        feature('12345', left),
      ),
    ).map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'duplicate_code',
        'unknown_village',
        'code_village_mismatch',
        'missing_property',
        'bad_code',
      ]),
    );
  });

  it('when an existing grid is filed under another village, then its code does not fit that village', () => {
    const other: ImportVillage = { code: '440881110002', boundary: null };
    const existing: ExistingGrid[] = [
      { code: '440881110002001', villageCode: '440881110002', polygon: right },
    ];
    const report = run(collection(feature('440881110002001', right, { village_code: VILLAGE })), existing, [
      village,
      other,
    ]);
    expect(report.problems.map((p) => p.code)).toContain('code_village_mismatch');
  });
});
