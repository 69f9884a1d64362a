import {
  bboxOfPolygon,
  geodesicAreaSqm,
  type PolygonCoords,
  pointInPolygon,
  polygonOverlapAreaSqm,
  unionPolygons,
  validatePolygon,
} from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { buildDemoLayout, type DemoTown } from './town-layout';

// A pure function's output, read and never modified by the tests below.
const layout = buildDemoLayout();
const [shijiao, luozhou] = layout.towns as [DemoTown, DemoTown];

function listGrids(town: DemoTown) {
  return town.villages.flatMap((village) => village.grids);
}

function doBoxesIntersect(a: PolygonCoords, b: PolygonCoords): boolean {
  const [aMinLon, aMinLat, aMaxLon, aMaxLat] = bboxOfPolygon(a);
  const [bMinLon, bMinLat, bMaxLon, bMaxLat] = bboxOfPolygon(b);
  return aMinLon <= bMaxLon && bMinLon <= aMaxLon && aMinLat <= bMaxLat && bMinLat <= aMaxLat;
}

/** Extent in km of a polygon's bbox, east-west then north-south. */
function measureExtentKm(polygon: PolygonCoords): [number, number] {
  const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(polygon);
  const kmPerDegree = 111.32;
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  return [(maxLon - minLon) * kmPerDegree * Math.cos(midLat), (maxLat - minLat) * kmPerDegree];
}

describe('buildDemoLayout', () => {
  it('when built, then the county is 廉江市 and the towns are 石角镇 then 罗州街道', () => {
    expect(layout.county).toEqual({ code: '440881', name: '廉江市' });
    expect(layout.towns.map(({ code, name }) => [code, name])).toEqual([
      ['440881110', '石角镇'],
      ['440881001', '罗州街道'],
    ]);
  });

  it('when built twice, then both layouts are deeply equal', () => {
    expect(buildDemoLayout()).toEqual(layout);
  });

  it('when 石角镇 is built, then it has 21 villages of 3–6 grids, 85 grids in all, and the named villages', () => {
    const names = shijiao.villages.map((village) => village.name);
    expect(shijiao.villages).toHaveLength(21);
    expect(listGrids(shijiao)).toHaveLength(85);
    for (const village of shijiao.villages) {
      expect(village.grids.length).toBeGreaterThanOrEqual(3);
      expect(village.grids.length).toBeLessThanOrEqual(6);
    }
    expect(names).toEqual(expect.arrayContaining(['横新村', '蕉坡村', '油房村']));
    expect(new Set(names).size).toBe(21);
    expect(names.filter((name) => !name.endsWith('村')).length).toBeLessThanOrEqual(2);
  });

  it('when 罗州街道 is built, then it has 3–4 communities of 2–3 grids each', () => {
    expect(luozhou.villages.length).toBeGreaterThanOrEqual(3);
    expect(luozhou.villages.length).toBeLessThanOrEqual(4);
    for (const village of luozhou.villages) {
      expect(village.kind).toBe('社区');
      expect(village.grids.length).toBeGreaterThanOrEqual(2);
      expect(village.grids.length).toBeLessThanOrEqual(3);
    }
  });

  it('when a place name ends in 社区 or 村, then its kind is 社区 or 村委会 to match', () => {
    for (const village of layout.towns.flatMap((town) => town.villages)) {
      expect(village.kind).toBe(village.name.endsWith('社区') ? '社区' : '村委会');
      expect(village.name.endsWith('社区') || village.name.endsWith('村')).toBe(true);
    }
  });

  it('when codes are listed, then they are unique digits of 9/12/15 characters prefixed by the parent code', () => {
    const codes = layout.towns.flatMap((town) => [
      town.code,
      ...town.villages.flatMap((village) => [village.code, ...village.grids.map((grid) => grid.code)]),
    ]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const town of layout.towns) {
      expect(town.code).toMatch(/^440881\d{3}$/);
      for (const village of town.villages) {
        expect(village.code).toMatch(new RegExp(`^${town.code}\\d{3}$`));
        village.grids.forEach((grid, index) => {
          const sequence = String(index + 1).padStart(3, '0');
          expect(grid.code).toBe(`${village.code}${sequence}`);
          expect(grid.name).toBe(`${village.name}第${index + 1}网格`);
        });
      }
    }
  });

  it('when grids are populated, then households are 150–600 at 3.2–4.0 people each', () => {
    for (const grid of layout.towns.flatMap(listGrids)) {
      expect(Number.isInteger(grid.households) && Number.isInteger(grid.population)).toBe(true);
      expect(grid.households).toBeGreaterThanOrEqual(150);
      expect(grid.households).toBeLessThanOrEqual(600);
      expect(grid.population / grid.households).toBeGreaterThanOrEqual(3.2 - 0.5 / grid.households);
      expect(grid.population / grid.households).toBeLessThanOrEqual(4.0 + 0.5 / grid.households);
    }
  });

  it('when placed on the map, then each town sits at its centre with roughly its planned extent', () => {
    const expectations = [
      { town: shijiao, centre: [110.3, 21.9], extentKm: [18, 15] },
      { town: luozhou, centre: [110.28, 21.62], extentKm: [3, 3] },
    ];
    for (const { town, centre, extentKm } of expectations) {
      const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(town.boundary.coordinates);
      expect((minLon + maxLon) / 2).toBeCloseTo(centre[0]!, 1);
      expect((minLat + maxLat) / 2).toBeCloseTo(centre[1]!, 1);
      measureExtentKm(town.boundary.coordinates).forEach((km, axis) => {
        expect(km / extentKm[axis]!).toBeGreaterThan(0.9);
        expect(km / extentKm[axis]!).toBeLessThan(1.15);
      });
    }
  });

  it('when every boundary is validated, then none has a problem and none has a hole', () => {
    const polygons = layout.towns.flatMap((town) => [
      town.boundary,
      ...town.villages.flatMap((village) => [
        village.boundary,
        ...village.grids.map((grid) => grid.boundary),
      ]),
    ]);
    for (const polygon of polygons) {
      expect(polygon.type).toBe('Polygon');
      expect(validatePolygon(polygon.coordinates)).toEqual([]);
      expect(polygon.coordinates).toHaveLength(1);
    }
  });

  it.each(layout.towns.map((town) => [town.name, town] as const))(
    'when the grids of %s are compared pairwise, then no two overlap by 1 m² or more',
    (_name, town) => {
      const grids = listGrids(town);
      let comparedPairs = 0;
      grids.forEach((a, i) => {
        for (const b of grids.slice(i + 1)) {
          if (!doBoxesIntersect(a.boundary.coordinates, b.boundary.coordinates)) continue;
          comparedPairs += 1;
          expect(
            polygonOverlapAreaSqm(a.boundary.coordinates, b.boundary.coordinates),
            `${a.code} × ${b.code}`,
          ).toBeLessThan(1);
        }
      });
      // Guards against a bbox filter that silently skips everything.
      expect(comparedPairs).toBeGreaterThanOrEqual(grids.length);
    },
  );

  it.each(layout.towns.map((town) => [town.name, town] as const))(
    'when the grid areas of %s are summed, then they equal the town area within 0.1% (no gaps)',
    (_name, town) => {
      const gridArea = listGrids(town).reduce(
        (sum, grid) => sum + geodesicAreaSqm(grid.boundary.coordinates),
        0,
      );
      const union = unionPolygons(listGrids(town).map((grid) => grid.boundary.coordinates));
      const unionArea = union.reduce((sum, polygon) => sum + geodesicAreaSqm(polygon), 0);
      expect(union).toHaveLength(1);
      expect(Math.abs(gridArea - unionArea) / unionArea).toBeLessThan(0.001);
      expect(Math.abs(geodesicAreaSqm(town.boundary.coordinates) - unionArea) / unionArea).toBeLessThan(
        0.001,
      );
    },
  );

  it('when a village is compared with its grids, then every grid lies inside it and they fill it', () => {
    for (const village of layout.towns.flatMap((town) => town.villages)) {
      const villageRing = village.boundary.coordinates;
      let gridArea = 0;
      for (const grid of village.grids) {
        const area = geodesicAreaSqm(grid.boundary.coordinates);
        gridArea += area;
        for (const vertex of grid.boundary.coordinates[0]!)
          expect(pointInPolygon(vertex, villageRing)).toBe(true);
        const inside = polygonOverlapAreaSqm(grid.boundary.coordinates, villageRing);
        expect(Math.abs(inside - area) / area, grid.code).toBeLessThan(0.001);
      }
      expect(Math.abs(gridArea - geodesicAreaSqm(villageRing)) / gridArea, village.code).toBeLessThan(0.001);
    }
  });
});
