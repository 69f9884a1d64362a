/** A GeoJSON (RFC 7946) position: longitude first, then latitude, WGS84 degrees. */
export type Position = [number, number];

/** A linear ring; RFC 7946 rings are closed (first position repeated last). */
export type Ring = Position[];

/** Polygon rings: the outer ring first, then any holes. */
export type PolygonCoords = Ring[];
