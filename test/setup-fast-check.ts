import fc from "fast-check";

// Property tests are deterministic in `npm test` (CI must never be flaky); set
// CLEANPATH_PROPERTY_SEED=random (or a number) to explore other cases, and
// CLEANPATH_PROPERTY_RUNS for more of them. A failure prints its seed and path to replay.
const seed = process.env.CLEANPATH_PROPERTY_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed === undefined ? 20261122 : Number(seed) });
