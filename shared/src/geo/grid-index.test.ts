import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { createPolygonIndex, type IndexedPolygon } from './grid-index';
import { distancePointToPolygonMeters, pointInPolygon } from './point-in-polygon';
import { buildRect, ORIGIN, SQUARE, SQUARE_WITH_HOLE, STEP } from './shapes.fixture';
import type { PolygonCoords, Position } from './types';

const LATTICE_SIZE = 20;
/** Corner jitter in cell units; at most 0.2 keeps every quad convex and its centre 0.3 cells from any edge. */
const JITTER = 0.2;

/** A position in STEP units from ORIGIN, like the fixture shapes use. */
function placeAt(x: number, y: number): Position {
  return [ORIGIN[0] + x * STEP, ORIGIN[1] + y * STEP];
}

interface LatticeCell extends IndexedPolygon {
  centre: Position;
}

/**
 * A 20×20 tiling of jittered quads: each corner is drawn once and shared by up to four cells, so neighbours
 * meet exactly, as real grids do. With `withHoles`, every ninth cell gets a square hole round its centre and
 * one of those holes holds an island polygon, listed last.
 */
function buildLattice({ withHoles = false } = {}): LatticeCell[] {
  const rng = createRandom(0x9e3779b9);
  const corners = Array.from({ length: LATTICE_SIZE + 1 }, (_, row) =>
    Array.from({ length: LATTICE_SIZE + 1 }, (_, column) =>
      placeAt(column + (rng() * 2 - 1) * JITTER, row + (rng() * 2 - 1) * JITTER),
    ),
  );
  const getCorner = (row: number, column: number) => corners[row]![column]!;
  const cells: LatticeCell[] = [];
  for (let row = 0; row < LATTICE_SIZE; row += 1) {
    for (let column = 0; column < LATTICE_SIZE; column += 1) {
      const quad = [
        getCorner(row, column),
        getCorner(row, column + 1),
        getCorner(row + 1, column + 1),
        getCorner(row + 1, column),
      ];
      const centre: Position = [
        quad.reduce((sum, [lon]) => sum + lon, 0) / 4,
        quad.reduce((sum, [, lat]) => sum + lat, 0) / 4,
      ];
      const polygon: PolygonCoords = [[...quad, quad[0]!]];
      if (withHoles && (row * LATTICE_SIZE + column) % 9 === 4) polygon.push(buildSquareRing(centre, 0.1));
      cells.push({ id: `cell-${row}-${column}`, polygon, centre });
    }
  }
  if (withHoles) {
    const holed = cells[4]!;
    cells.push({ id: 'island', polygon: [buildSquareRing(holed.centre, 0.05)], centre: holed.centre });
  }
  return cells;
}

function buildSquareRing([lon, lat]: Position, halfCells: number): Position[] {
  const half = halfCells * STEP;
  return [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ];
}

/** The answer an index must match: the first-given polygon that contains the point. */
function findContainingByScan(items: IndexedPolygon[], point: Position): string | null {
  return items.find((item) => pointInPolygon(point, item.polygon))?.id ?? null;
}

function findNearestByScan(items: IndexedPolygon[], point: Position): { id: string; meters: number } {
  return items
    .map((item) => ({ id: item.id, meters: distancePointToPolygonMeters(point, item.polygon) }))
    .reduce((best, candidate) => (candidate.meters < best.meters ? candidate : best));
}

/** Positions up to 2 cells beyond the lattice on every side, so misses and holes are drawn too. */
const arbitraryNearbyPoint = fc
  .tuple(
    fc.double({ min: -2, max: LATTICE_SIZE + 2, noNaN: true }),
    fc.double({ min: -2, max: LATTICE_SIZE + 2, noNaN: true }),
  )
  .map(([x, y]) => placeAt(x, y));

describe('createPolygonIndex', () => {
  it('when each cell centre of a tiling is looked up, then it maps to that cell', () => {
    const cells = buildLattice();
    const index = createPolygonIndex(cells);

    const found = cells.map((cell) => index.findContaining(cell.centre));

    expect(index.size).toBe(LATTICE_SIZE * LATTICE_SIZE);
    expect(found).toEqual(cells.map((cell) => cell.id));
    expect(cells.every((cell) => index.findNearest(cell.centre)?.id === cell.id)).toBe(true);
  });

  it('when a point lies outside every polygon, then findContaining is null and findNearest names the closest', () => {
    const cells = buildLattice();
    const index = createPolygonIndex(cells);

    for (const point of [placeAt(-3, 7.5), placeAt(25, 25), placeAt(10.3, -0.9), placeAt(-40, 12)]) {
      const nearest = index.findNearest(point);

      expect(index.findContaining(point)).toBeNull();
      expect(nearest).toEqual(findNearestByScan(cells, point));
      expect(nearest!.meters).toBeGreaterThan(0);
    }
  });

  it('when random points are looked up, then both answers agree with a scan of every polygon', () => {
    const cells = buildLattice({ withHoles: true });
    const index = createPolygonIndex(cells);

    fc.assert(
      fc.property(arbitraryNearbyPoint, (point) => {
        const nearest = index.findNearest(point)!;
        const expected = findNearestByScan(cells, point);

        expect(index.findContaining(point)).toBe(findContainingByScan(cells, point));
        // Another id is fine only when it is a tie: that polygon must be just as close.
        expect(Math.abs(nearest.meters - expected.meters)).toBeLessThanOrEqual(1e-6);
        const chosen = cells.find((cell) => cell.id === nearest.id)!;
        expect(Math.abs(distancePointToPolygonMeters(point, chosen.polygon) - expected.meters)).toBeLessThan(
          1e-6,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('when a point sits on a shared corner or edge, then the first-given polygon containing it wins', () => {
    const cells = buildLattice();
    const index = createPolygonIndex(cells);
    const arbitraryOnEdge = fc
      .record({
        row: fc.integer({ min: 0, max: LATTICE_SIZE - 1 }),
        column: fc.integer({ min: 0, max: LATTICE_SIZE - 1 }),
        corner: fc.integer({ min: 0, max: 3 }),
        along: fc.constantFrom(0, 0.25, 0.5),
      })
      .map(({ row, column, corner, along }) => {
        const ring = cells[row * LATTICE_SIZE + column]!.polygon[0]!;
        const [a, b] = [ring[corner]!, ring[corner + 1]!];
        return [a[0] + (b[0] - a[0]) * along, a[1] + (b[1] - a[1]) * along] as Position;
      });

    fc.assert(
      fc.property(arbitraryOnEdge, (point) => {
        expect(index.findContaining(point)).toBe(findContainingByScan(cells, point));
        expect(index.findNearest(point)).toEqual({ id: findContainingByScan(cells, point), meters: 0 });
      }),
    );
  });

  it('when two squares share an edge, then a point on it goes to whichever was given first', () => {
    const left = { id: 'left', polygon: buildRect(0, 0, 1, 1) };
    const right = { id: 'right', polygon: buildRect(1, 0, 2, 1) };
    const onEdge = placeAt(1, 0.5);

    expect(createPolygonIndex([left, right]).findContaining(onEdge)).toBe('left');
    expect(createPolygonIndex([right, left]).findContaining(onEdge)).toBe('right');
  });

  it('when the index is empty, then every lookup is null', () => {
    const index = createPolygonIndex([]);

    expect(index.size).toBe(0);
    expect(index.findContaining(ORIGIN)).toBeNull();
    expect(index.findNearest(ORIGIN)).toBeNull();
  });

  it('when the index holds one polygon, then it is found inside and is the nearest from anywhere', () => {
    const index = createPolygonIndex([{ id: 'only', polygon: SQUARE }]);
    const outside = placeAt(3, -2);

    expect(index.size).toBe(1);
    expect(index.findContaining(placeAt(0.5, 0.5))).toBe('only');
    expect(index.findContaining(placeAt(1, 1))).toBe('only');
    expect(index.findContaining(outside)).toBeNull();
    expect(index.findNearest(outside)).toEqual({
      id: 'only',
      meters: distancePointToPolygonMeters(outside, SQUARE),
    });
  });

  it('when a point is in a hole, then no polygon contains it unless an island fills the hole', () => {
    const island = { id: 'island', polygon: buildRect(1.25, 1.25, 1.75, 1.75) };
    const index = createPolygonIndex([{ id: 'ring', polygon: SQUARE_WITH_HOLE }, island]);
    const inHole = placeAt(1.1, 1.5);

    expect(index.findContaining(inHole)).toBeNull();
    expect(index.findContaining(placeAt(1.5, 1.5))).toBe('island');
    expect(index.findContaining(placeAt(1, 1.5))).toBe('ring');
    expect(index.findContaining(placeAt(0.5, 0.5))).toBe('ring');
    // 0.1 STEP from the hole's edge and 0.15 STEP from the island.
    expect(index.findNearest(inHole)?.id).toBe('ring');
    expect(index.findNearest(inHole)?.meters).toBeCloseTo(
      distancePointToPolygonMeters(inHole, SQUARE_WITH_HOLE),
    );
  });

  it('when maxMeters is shorter than the distance to every polygon, then findNearest is null', () => {
    const index = createPolygonIndex([{ id: 'only', polygon: SQUARE }]);
    const point = placeAt(2, 0.5);
    const meters = distancePointToPolygonMeters(point, SQUARE);

    expect(index.findNearest(point, meters - 1)).toBeNull();
    expect(index.findNearest(point, meters + 1)).toEqual({ id: 'only', meters });
  });

  it('when polygons lie across the antimeridian from the point, then the nearest is found across it', () => {
    const west = { id: 'west', polygon: [buildSquareRing([179.5, 0], 40)] };
    const east = { id: 'east', polygon: [buildSquareRing([-178, 0], 40)] };
    const point: Position = [-179.95, 0];

    expect(createPolygonIndex([east, west]).findNearest(point)?.id).toBe('west');
  });
});
