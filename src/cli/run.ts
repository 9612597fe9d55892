import { main } from "./main.js";

/** Entry point used by bin/cleanpath.js: wires the real process to `main`. */
export function run(): void {
  main(process.argv.slice(2), {
    stdout: (t) => void process.stdout.write(t),
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
