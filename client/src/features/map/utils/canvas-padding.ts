/**
 * How far a canvas extends beyond the view, as a fraction of it (Leaflet's default). Each settled pan
 * repaints the whole canvas: at 0.5 (4× the view's pixels) the longest task while panning 2,000 grids
 * and 20,000 cases was ~140 ms, at 0.1 ~70 ms (bench/map-render.ts, docs/benchmarks.md). The price is a
 * blank margin during a long drag until it settles.
 */
export const CANVAS_PADDING = 0.1;
