import { bboxOfPolygon } from './bbox';
import { EARTH_RADIUS_M } from './geodesic-area';
import { distancePointToPolygonMeters, pointInPolygon } from './point-in-polygon';
import type { PolygonCoords, Position } from './types';

export interface IndexedPolygon {
  id: string;
  polygon: PolygonCoords;
}

/**
 * Answers "which grid is this point in?" for many points against a fixed set of polygons.
 * Where polygons overlap or share an edge, every answer goes to the one given first in the input, so the
 * result does not depend on how the tree happens to be packed.
 */
export interface PolygonIndex {
  size: number;
  /** The id of the polygon containing the point (on-edge counts), or null. */
  findContaining(point: Position): string | null;
  /**
   * The nearest polygon and its distance in metres (0 when inside), as distancePointToPolygonMeters measures
   * it; null for an empty index or when no polygon lies within `maxMeters`.
   */
  findNearest(point: Position, maxMeters?: number): { id: string; meters: number } | null;
}

/** Children per tree node: flatbush's default, a good balance between fan-out and pruning. */
const NODE_SIZE = 16;
/**
 * Boxes are padded beyond pointInPolygon's 1e-10° on-edge tolerance, so a point it would count as on an edge
 * is never dropped by the box test first.
 */
const BOX_PADDING_DEG = 1e-9;
const HILBERT_MAX = 0xffff;
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

/**
 * A static packed R-tree in flat typed arrays (the flatbush layout): nodes 0 … itemCount-1 are the leaves,
 * one per polygon in Hilbert order of their box centres, followed by each upper level, the root last.
 */
interface PackedTree {
  itemCount: number;
  /** minLon, minLat, maxLon, maxLat for every node. */
  boxes: Float64Array;
  /** For a leaf, the polygon's position in the input; for an inner node, the node number of its first child. */
  pointers: Uint32Array;
  /** For inner node n, one past its last child, stored at n - itemCount. */
  childEnds: Uint32Array;
  root: number;
  levelCount: number;
}

/**
 * Builds the index once. Polygons are referenced, not copied: editing one afterwards leaves a stale box.
 * A polygon without positions throws, like bboxOfPolygon.
 */
export function createPolygonIndex(items: IndexedPolygon[]): PolygonIndex {
  const ids = items.map((item) => item.id);
  const polygons = items.map((item) => item.polygon);
  if (items.length === 0) return { size: 0, findContaining: () => null, findNearest: () => null };
  const tree = buildPackedTree(polygons);
  const { boxes, pointers, childEnds, itemCount, root } = tree;
  // Reused across calls: queries are synchronous, and allocating per call would add to a lookup of a few µs.
  const stack = new Uint32Array(tree.levelCount * NODE_SIZE + 1);

  /** Input position of the first-given polygon containing the point, or -1. */
  const locateContaining = (point: Position): number => {
    const [x, y] = point;
    if (!isInBox(boxes, root, x, y)) return -1;
    let found = -1;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const node = stack[--top]!;
      const end = childEnds[node - itemCount]!;
      for (let child = pointers[node]!; child < end; child += 1) {
        if (!isInBox(boxes, child, x, y)) continue;
        if (child >= itemCount) {
          stack[top++] = child;
          continue;
        }
        const item = pointers[child]!;
        if ((found === -1 || item < found) && pointInPolygon(point, polygons[item]!)) found = item;
      }
    }
    return found;
  };

  const findNearest = (point: Position, maxMeters = Infinity): { id: string; meters: number } | null => {
    const inside = locateContaining(point);
    if (inside !== -1) return { id: ids[inside]!, meters: 0 };
    // The box distance uses the same local projection as distancePointToPolygonMeters, so it is a true lower
    // bound for every polygon under the box: once the closest box left is farther than the best polygon, stop.
    const lonScale = Math.cos(point[1] * (Math.PI / 180)) * METRES_PER_DEGREE;
    const measureBox = (node: number) => measureToBoxMeters(boxes, node, point, lonScale);
    const queue = new MinQueue();
    queue.push(root, measureBox(root));
    let best = -1;
    let bestMeters = maxMeters;
    while (queue.length > 0 && queue.peekKey() <= bestMeters) {
      const node = queue.pop();
      if (node < itemCount) {
        const item = pointers[node]!;
        const meters = distancePointToPolygonMeters(point, polygons[item]!);
        // Equal distances (a point nearest to a shared vertex) go to the first-given polygon, as inside does.
        if (meters < bestMeters || (meters === bestMeters && (best === -1 || item < best))) {
          best = item;
          bestMeters = meters;
        }
        continue;
      }
      const end = childEnds[node - itemCount]!;
      for (let child = pointers[node]!; child < end; child += 1) queue.push(child, measureBox(child));
    }
    return best === -1 ? null : { id: ids[best]!, meters: bestMeters };
  };

  return {
    size: itemCount,
    findContaining: (point) => {
      const found = locateContaining(point);
      return found === -1 ? null : ids[found]!;
    },
    findNearest,
  };
}

function buildPackedTree(polygons: PolygonCoords[]): PackedTree {
  const itemCount = polygons.length;
  const itemBoxes = new Float64Array(itemCount * 4);
  polygons.forEach((polygon, item) => {
    const [minLon, minLat, maxLon, maxLat] = bboxOfPolygon(polygon);
    const pad = BOX_PADDING_DEG;
    itemBoxes.set([minLon - pad, minLat - pad, maxLon + pad, maxLat + pad], item * 4);
  });
  const levelEnds = [itemCount];
  let nodeCount = itemCount;
  for (let count = itemCount; count > 1 || levelEnds.length === 1; ) {
    count = Math.ceil(count / NODE_SIZE);
    nodeCount += count;
    levelEnds.push(nodeCount);
  }
  const boxes = new Float64Array(nodeCount * 4);
  const pointers = new Uint32Array(nodeCount);
  const childEnds = new Uint32Array(nodeCount - itemCount);
  sortByHilbert(itemBoxes, itemCount).forEach((item, leaf) => {
    boxes.set(itemBoxes.subarray(item * 4, item * 4 + 4), leaf * 4);
    pointers[leaf] = item;
  });
  let parent = itemCount;
  let levelStart = 0;
  for (const levelEnd of levelEnds.slice(0, -1)) {
    for (let first = levelStart; first < levelEnd; first += NODE_SIZE, parent += 1) {
      const end = Math.min(first + NODE_SIZE, levelEnd);
      writeUnionBox(boxes, parent, first, end);
      pointers[parent] = first;
      childEnds[parent - itemCount] = end;
    }
    levelStart = levelEnd;
  }
  return { itemCount, boxes, pointers, childEnds, root: nodeCount - 1, levelCount: levelEnds.length };
}

function writeUnionBox(boxes: Float64Array, target: number, first: number, end: number): void {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let node = first; node < end; node += 1) {
    minX = Math.min(minX, boxes[node * 4]!);
    minY = Math.min(minY, boxes[node * 4 + 1]!);
    maxX = Math.max(maxX, boxes[node * 4 + 2]!);
    maxY = Math.max(maxY, boxes[node * 4 + 3]!);
  }
  boxes.set([minX, minY, maxX, maxY], target * 4);
}

/** Item numbers ordered along a Hilbert curve through their box centres, so tree nodes stay compact. */
function sortByHilbert(itemBoxes: Float64Array, itemCount: number): Uint32Array {
  const centres = new Float64Array(itemCount * 2);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let item = 0; item < itemCount; item += 1) {
    const x = (itemBoxes[item * 4]! + itemBoxes[item * 4 + 2]!) / 2;
    const y = (itemBoxes[item * 4 + 1]! + itemBoxes[item * 4 + 3]!) / 2;
    centres.set([x, y], item * 2);
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  }
  const width = maxX - minX || 1;
  const height = maxY - minY || 1;
  const keys = new Float64Array(itemCount);
  const order = new Uint32Array(itemCount);
  for (let item = 0; item < itemCount; item += 1) {
    const x = Math.floor((HILBERT_MAX * (centres[item * 2]! - minX)) / width);
    const y = Math.floor((HILBERT_MAX * (centres[item * 2 + 1]! - minY)) / height);
    keys[item] = computeHilbertKey(x, y);
    order[item] = item;
  }
  // Ties (same cell) fall back to input order, keeping the build deterministic.
  return order.sort((a, b) => keys[a]! - keys[b]! || a - b);
}

/**
 * Position of (x, y), both in 0 … 65535, along a Hilbert curve: the branch-free bit-twiddling version
 * from "Fast Hilbert curve generation" (rawrunprotected), as used by flatbush.
 */
function computeHilbertKey(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);
  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = (c >> 1) ^ (b & (d >> 1)) ^ c;
  let D = (a & (c >> 1)) ^ (d >> 1) ^ d;
  for (const shift of [2, 4]) {
    [a, b, c, d] = [A, B, C, D];
    A = (a & (a >> shift)) ^ (b & (b >> shift));
    B = (a & (b >> shift)) ^ (b & ((a ^ b) >> shift));
    C ^= (a & (c >> shift)) ^ (b & (d >> shift));
    D ^= (b & (c >> shift)) ^ ((a ^ b) & (d >> shift));
  }
  [a, b, c, d] = [A, B, C, D];
  C ^= (a & (c >> 8)) ^ (b & (d >> 8));
  D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));
  a = C ^ (C >> 1);
  b = D ^ (D >> 1);
  return ((interleaveBits(b | (0xffff ^ ((x ^ y) | a))) << 1) | interleaveBits(x ^ y)) >>> 0;
}

/** Spreads 16 bits to the even bit positions of a 32-bit integer. */
function interleaveBits(value: number): number {
  let v = (value | (value << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  return (v | (v << 1)) & 0x55555555;
}

function isInBox(boxes: Float64Array, node: number, x: number, y: number): boolean {
  const at = node * 4;
  return x >= boxes[at]! && y >= boxes[at + 1]! && x <= boxes[at + 2]! && y <= boxes[at + 3]!;
}

/** Degrees travelled eastward from one longitude to another, in [0, 360). */
function measureEastwardDeg(from: number, to: number): number {
  return (((to - from) % 360) + 360) % 360;
}

function measureToBoxMeters(boxes: Float64Array, node: number, point: Position, lonScale: number): number {
  const at = node * 4;
  const [x, y] = point;
  const [minX, minY, maxX, maxY] = [boxes[at]!, boxes[at + 1]!, boxes[at + 2]!, boxes[at + 3]!];
  // Longitude gaps wrap the way distancePointToPolygonMeters wraps them, so grids across ±180° stay close.
  const dx = x >= minX && x <= maxX ? 0 : Math.min(measureEastwardDeg(x, minX), measureEastwardDeg(maxX, x));
  const dy = Math.max(minY - y, 0, y - maxY);
  return Math.hypot(dx * lonScale, dy * METRES_PER_DEGREE);
}

/** A binary min-heap of node numbers keyed by distance, in parallel arrays to avoid an object per entry. */
class MinQueue {
  private readonly nodes: number[] = [];
  private readonly keys: number[] = [];

  get length(): number {
    return this.nodes.length;
  }

  peekKey(): number {
    return this.keys[0] ?? Infinity;
  }

  push(node: number, key: number): void {
    let at = this.nodes.length;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[at] = this.nodes[parent]!;
      this.keys[at] = this.keys[parent]!;
      at = parent;
    }
    this.nodes[at] = node;
    this.keys[at] = key;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes.pop()!;
    const lastKey = this.keys.pop()!;
    const count = this.nodes.length;
    if (count === 0) return top;
    let at = 0;
    for (let child = 1; child < count; at = child, child = 2 * at + 1) {
      if (child + 1 < count && this.keys[child + 1]! < this.keys[child]!) child += 1;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[at] = this.nodes[child]!;
      this.keys[at] = this.keys[child]!;
    }
    this.nodes[at] = lastNode;
    this.keys[at] = lastKey;
    return top;
  }
}
