import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { totalmem } from "node:os";
import { resolve } from "node:path";
import { reserveArena } from "../arena.js";

/** Inputs at least this large (all file arguments together) get the tuned heap. */
export const TUNED_HEAP_MIN_BYTES = 48 * 1024 * 1024;

/** Options whose value is a file the command writes (`--output=FILE` is one argument, skipped anyway). */
const OUTPUT_OPTIONS = new Set(["-o", "--output", "--write-after"]);

/** The values `CLEANPATH_HEAP` takes; `tuned` marks the child process. */
const HEAP_MODES = new Set(["default", "always", "tuned"]);

/** What `heapFlags` looks at, so that it can be tested without a real process. */
export interface HeapContext {
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Node's own options of this process (`process.execArgv`). */
  execArgv: readonly string[];
  totalMemBytes: number;
  /** Size of a regular file, or undefined for anything else (missing, directory, option value). */
  fileSize?: (path: string) => number | undefined;
}

/**
 * The V8 heap options to run this command with, or null to run it in this process as it is.
 *
 * A national topology (10^6 elements, 150 MB of JSON) becomes about 700 MB of live objects, and
 * with Node's default heap V8 grows the old generation in small steps, running a full collection
 * at each step, and copies every parsed object through a 16 MB young generation. Starting the old
 * generation at about ten times the input and a 32 MB young generation removes most of that work
 * (a quarter of the garbage-collection time of a 1,000-pair audit at 10^6) without raising the
 * peak: memory is still only taken as it is used. Smaller inputs, standard input, a process
 * started with its own heap or inspector options, and `CLEANPATH_HEAP=default` keep the default;
 * `CLEANPATH_HEAP=always` tunes it whatever the input. (`tuned` marks the child process.)
 */
export function heapFlags(ctx: HeapContext): string[] | null {
  const mode = ctx.env.CLEANPATH_HEAP;
  if (mode === "default" || mode === "tuned") return null;
  const own = [...ctx.execArgv, ...(ctx.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (own.some((a) => /^--(max-semi-space-size|min-semi-space-size|initial-old-space-size|max-old-space-size|inspect|prof|cpu-prof)\b/.test(a))) return null;
  const bytes = inputBytes(ctx);
  if (bytes < TUNED_HEAP_MIN_BYTES && mode !== "always") return null;
  const mib = Math.max(bytes, TUNED_HEAP_MIN_BYTES) / (1024 * 1024);
  const initialOld = Math.round(Math.min(10 * mib, 3072, ctx.totalMemBytes / (4 * 1024 * 1024)));
  return ["--max-semi-space-size=32", `--initial-old-space-size=${initialOld}`];
}

/** Bytes of the regular files named on the command line, output files excepted. */
export function inputBytes(ctx: HeapContext): number {
  const size = ctx.fileSize ?? regularFileSize;
  let bytes = 0;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    // An existing output file is not an input.
    if (OUTPUT_OPTIONS.has(a)) i++;
    if (a.startsWith("-")) continue;
    const n = size(resolve(ctx.cwd, a));
    if (n !== undefined) bytes += n;
  }
  return bytes;
}

/**
 * The typed-array arena (src/arena.ts) the tuned process reserves before it reads anything:
 * twice the input, which covers the columns, the graph and the search state of the bench
 * networks with room to spare, and at most 2 GiB or an eighth of the memory. Pages never
 * written take no memory.
 */
export function arenaBytes(input: number, totalMemBytes: number): number {
  return Math.floor(Math.min(2 * Math.max(input, TUNED_HEAP_MIN_BYTES), 2 ** 31, totalMemBytes / 8));
}

function regularFileSize(path: string): number | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For bin/cleanpath.js, before anything else is loaded: when this process's command should run
 * with the tuned heap, starts it in a child process and returns true (this process then only
 * waits for it); otherwise returns false and the command runs here.
 */
export function runTunedIfLarge(): boolean {
  const args = process.argv.slice(2);
  const mode = process.env.CLEANPATH_HEAP;
  if (mode !== undefined && mode !== "" && !HEAP_MODES.has(mode)) {
    process.stderr.write(`cleanpath: CLEANPATH_HEAP=${mode} is not \`default\` or \`always\`; choosing the heap by the input's size\n`);
  }
  const ctx: HeapContext = { args, cwd: process.cwd(), env: process.env, execArgv: process.execArgv, totalMemBytes: totalmem() };
  if (mode === "tuned") {
    // The child: reserve the arena while the heap is empty (one cheap collection now saves
    // three or four full ones later), then run the command here.
    reserveArena(arenaBytes(inputBytes(ctx), ctx.totalMemBytes));
    return false;
  }
  const script = process.argv[1];
  const flags = heapFlags(ctx);
  if (!flags || !script) return false;
  runWithHeap(flags, args, script);
  return true;
}

/**
 * Runs the same command in a child Node process with the tuned heap (see `heapFlags`): same
 * arguments, standard streams and working directory; its exit code, or its signal, becomes ours.
 * A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
 */
function runWithHeap(flags: string[], args: string[], script: string): void {
  const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...args], {
    stdio: "inherit",
    env: { ...process.env, CLEANPATH_HEAP: "tuned" },
  });
  const pass = (signal: NodeJS.Signals): void => void child.kill(signal);
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, pass);
  child.on("error", (err) => {
    process.stderr.write(`cleanpath: could not start Node.js with a larger heap (${err.message}); set CLEANPATH_HEAP=default to run without it\n`);
    process.exitCode = 3;
  });
  child.on("exit", (code, signal) => {
    for (const s of signals) process.off(s, pass);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 3;
  });
}
