import type { Verdict } from "../result.js";
import type { PairFacts } from "./types.js";

/** The one-word verdict of SPEC §3, worst first, from a pair's facts. */
export function verdictOf(facts: PairFacts, failures: number): Verdict {
  if (!facts.reachable || facts.routed === null) return "unreachable";
  if (facts.cleanAlternative === null) return "dirty";
  if (facts.routed.riskyItems.length > 0) return "routed-dirty";
  if (failures >= 1 && facts.failover !== null && facts.failover.dirtyAfter.length > 0) return "fragile";
  if (facts.exposure.count > 0) return "exposed";
  return "clean";
}
