import type { Level, Verdict } from "../result.js";
import type { SourceLocation } from "../diagnostics.js";

/** What a pair was on one side. */
export interface PairState {
  verdict: Verdict;
  passed: boolean;
  failOn: Verdict;
}

/**
 * A pair whose verdict or pass/fail changed, or that exists on one side only. `worse` means the
 * verdict got worse or the pair now fails (a new failing pair counts); `better` the opposite.
 */
export interface PairChange {
  flow: string | null;
  from: string;
  to: string;
  change: "worse" | "better" | "added" | "removed";
  /** True when this change makes the diff fail: a worse verdict, or a pair that now fails. */
  gotWorse: boolean;
  before: PairState | null;
  after: PairState | null;
  location?: SourceLocation;
}

/** A finding, matched across sides by rule and items (never by message or line). */
export interface FindingChange {
  rule: string;
  level: Level;
  message: string;
  items: string[];
  waived: boolean;
  /** Set on an appeared finding that was there before but waived. */
  wasWaived?: boolean;
  location?: SourceLocation;
}

/** A rule whose pass/fail changed, or that exists on one side only. */
export interface RuleChange {
  id: string;
  before: { passed: boolean; checked: boolean } | null;
  after: { passed: boolean; checked: boolean } | null;
  gotWorse: boolean;
}

/** An item as far as the diff cares: what it is and who made it. */
export interface ItemState {
  type: "element" | "link";
  vendor?: string;
  risk?: "high" | "unknown" | "clean";
  /** The item's `underlay` as written (SPEC §4.1), in topology mode; absent when it lists none. */
  underlay?: string[];
}

/** Ids that entered and left a list, each sorted. */
export interface ListChange {
  added: string[];
  removed: string[];
}

export interface ItemChange {
  id: string;
  type: "element" | "link";
  before?: ItemState;
  after?: ItemState;
  /** A changed item's `underlay` entries added and removed; present only when some were. */
  underlay?: ListChange;
  /** The items that entered and left a changed item's closure; present only when it changed. */
  closure?: ListChange;
  /** Where the item is written (on the side after the change), when its underlay or closure changed. */
  location?: SourceLocation;
}

/** `cleanpath diff`: what a change to the network (or between two saved results) adds or removes. */
export interface DiffResult {
  cleanpathDiff: 1;
  tool: { name: "cleanpath"; version: string };
  /** `topology` when both sides were audited here; `result` when two saved results were compared. */
  mode: "topology" | "result";
  before: { inputs: { file: string; sha256: string }[]; asOf: string };
  after: { inputs: { file: string; sha256: string }[]; asOf: string };
  summary: {
    pairsWorse: number;
    pairsBetter: number;
    pairsAdded: number;
    pairsRemoved: number;
    findingsAppeared: number;
    findingsDisappeared: number;
    rulesWorse: number;
    itemsAdded: number;
    itemsRemoved: number;
    itemsChanged: number;
    /** True when anything got worse: the exit code is 1. */
    gotWorse: boolean;
  };
  pairs: PairChange[];
  rules: RuleChange[];
  findings: { appeared: FindingChange[]; disappeared: FindingChange[] };
  /**
   * From the topologies (every item) in topology mode; from the results' `items` (the items the
   * audits mention) in result mode. `changed` means the vendor, the risk, the `underlay` entries
   * (topology mode) or the closure changed.
   */
  items: { added: ItemChange[]; removed: ItemChange[]; changed: ItemChange[] };
}
