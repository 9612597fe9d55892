// Types of bench/measure.mjs, for the tests that import it.

export type SampleStatus = "ok" | "not-available" | "failed" | "timeout";

export interface Sample {
  ms: number;
  exitCode: number | null;
  signal: string | null;
  status: SampleStatus;
  rssMB: number | null;
  timings: Record<string, number> | null;
  stderrHead: string;
}

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  spread: number;
  peakRssMB: number | null;
  timings: Record<string, number> | null;
}

export interface Target {
  sizes?: string[];
  maxRatio?: number;
  maxRssMB?: number;
}

/** Sample status from the exit and stderr: ok, not-available (exit 2 + unknown command/option), or failed. */
export declare function classify(exitCode: number | null, signal: string | null, stderr: string, okExitCodes?: number[]): SampleStatus;
/** The CLEANPATH_TIMINGS=1 contract: the last stderr line of the form {"timings":{phase: ms, …}}. */
export declare function parseTimings(stderr: string): Record<string, number> | null;
/** Median of a non-empty list of numbers (mean of the middle two for an even count). */
export declare function median(values: number[]): number;
/** Median, min, max of the wall times, worst peak RSS, and the median of each timing phase. */
export declare function summarise(samples: Sample[]): Summary | null;
/** Targets that apply at `size`, each with its verdict (null when the figure is missing). */
export declare function evaluateTargets(targets: Target[] | undefined, size: string, summary: Summary | null, ratio: number | null): Array<{ text: string; pass: boolean | null }>;
/** Milliseconds with three significant figures and thousands separators. */
export declare function formatMs(ms: number | null | undefined): string;
/** A plain-text table: left-aligned first columns, right-aligned figures. */
export declare function formatTable(header: string[], rows: string[][], leftColumns?: number): string;
/** Runs `node --import rss-hook <argv>` once and times it from outside. */
export declare function runSample(
  argv: string[],
  options: { cwd: string; env: Record<string, string>; rssFile: string; timeoutMs: number; okExitCodes?: number[] },
): Sample;
