import type { TimingSink } from "../timing.js";
import { Chalk, type ChalkInstance } from "chalk";
import { type Diagnostic, formatDiagnostic, InputError } from "../diagnostics.js";
import type { RunEvents } from "../run/load.js";
import type { CliIo } from "./io.js";

/** Colour only on a terminal, never with NO_COLOR or --no-color (https://no-color.org). */
export function useColor(io: CliIo, stream: "stdout" | "stderr", flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return stream === "stdout" ? io.stdoutIsTTY : io.stderrIsTTY;
}

export function chalkFor(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** Prints diagnostics to stderr, warnings dimmed when colour is on. */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], color: boolean): void {
  const c = chalkFor(color);
  for (const d of diagnostics) {
    const line = formatDiagnostic(d);
    io.stderr((d.severity === "error" ? c.red(line) : c.yellow(line)) + "\n");
  }
}

/** Phase timings for `CLEANPATH_TIMINGS=1` (docs/benchmarks.md): one JSON line on stderr at the end. */
export class Timings {
  private readonly phases: [string, number][] = [];
  constructor(private readonly enabled: boolean) {}
  readonly clock = (): number => performance.now();
  readonly record = (phase: string, ms: number): void => {
    if (this.enabled) this.phases.push([phase, Math.round(ms * 10) / 10]);
  };
  sink(): TimingSink | undefined {
    return this.enabled ? { clock: this.clock, record: this.record } : undefined;
  }
  /** Times `fn` as `phase`. */
  time<T>(phase: string, fn: () => T): T {
    const t0 = this.clock();
    try {
      return fn();
    } finally {
      this.record(phase, this.clock() - t0);
    }
  }
  flush(io: CliIo): void {
    if (!this.enabled) return;
    io.stderr(JSON.stringify({ timings: Object.fromEntries(this.phases) }) + "\n");
  }
}

/** `--max-file-size 200` (MB) → bytes; rejects anything but a positive number. */
export function parseMegabytes(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) {
      throw new InputError([{ code: "E_USAGE", severity: "error", message: `${flag} takes a size in MB (a positive number), not \`${value}\`` }]);
    }
    return Math.round(n * 1024 * 1024);
  };
}

/**
 * A one-line progress note on stderr, only on a terminal, only when asked for (not
 * `--no-progress`) and only for inputs big enough to take more than about a second; erased
 * before anything else is printed.
 */
export class Progress {
  private shown = false;
  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}

  static for(io: CliIo, flag: boolean | undefined, inputBytes: number): Progress {
    return new Progress(io, flag !== false && io.stderrIsTTY && inputBytes > 8 * 1024 * 1024);
  }

  note(message: string): void {
    if (!this.enabled) return;
    this.io.stderr(`\r\x1b[K${message}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.io.stderr("\r\x1b[K");
    this.shown = false;
  }
}

/** How the CLI hears what a run reports: warnings on stderr (unless quiet), progress on a terminal, timings. */
export function runEvents(io: CliIo, flags: { quiet?: boolean; color?: boolean; progress?: boolean }, timings?: Timings): RunEvents {
  const color = useColor(io, "stderr", flags.color);
  let progress: Progress | undefined;
  const sink = timings?.sink();
  return {
    warn: (diagnostics) => {
      if (!flags.quiet) printDiagnostics(io, diagnostics, color);
    },
    progress: {
      start: (bytes) => {
        progress = Progress.for(io, flags.progress, bytes);
      },
      note: (message) => progress?.note(message),
      clear: () => progress?.clear(),
    },
    ...(sink ? { timings: sink } : {}),
  };
}
