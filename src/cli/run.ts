import { spawn } from "node:child_process";
import { totalmem } from "node:os";
import { heapFlags } from "./heap.js";
import { main } from "./main.js";

/** Entry point used by bin/cleanpath.js: wires the real process to `main`. */
export function run(): void {
  const args = process.argv.slice(2);
  const flags = heapFlags({ args, cwd: process.cwd(), env: process.env, execArgv: process.execArgv, totalMemBytes: totalmem() });
  if (flags && process.argv[1]) {
    runWithHeap(flags, args, process.argv[1]);
    return;
  }
  // A promise nobody awaited must not end the process with Node's exit code 1 ("findings").
  process.on("unhandledRejection", (err) => {
    process.stderr.write(`cleanpath: internal error: ${String((err as Error)?.message ?? err)}\nThis is a bug in cleanpath; please report it with the command you ran.\n`);
    process.exitCode = 3;
  });
  // `cleanpath … | head` closes the pipe early: stop writing, and keep the exit code the audit decides.
  let stdoutClosed = false;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    stdoutClosed = true;
  });
  main(args, {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`cleanpath: internal error: ${String(err)}\n`);
      process.exitCode = 3;
    },
  );
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
