export { type CountryBoundaries, distanceToCountryKm, TopoCountries, worldCountries } from "./atlas.js";
export { CountryShape } from "./country-shape.js";
export { type GeoPoint, PointGrid } from "./point-grid.js";
export { EARTH_RADIUS_KM, haversineKm } from "./sphere.js";
export { decodeArcs, geometryRings, type Ring, type TopoTopology } from "./topojson.js";
