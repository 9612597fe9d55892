export { buildGraph } from "./build.js";
export { analyzePairs, analyzePairsWith, defaultSharing, type SharingStrategy } from "./analyze.js";
export { verdictOf } from "./verdict.js";
export * from "./types.js";
