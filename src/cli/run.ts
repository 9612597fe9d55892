import { main } from "./main.js";

/** Entry point used by bin/cleanpath.js: wires the real process to `main`. */
export function run(): void {
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
  main(process.argv.slice(2), {
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
