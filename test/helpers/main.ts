import { main } from "../../src/cli/main.js";

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's main() in this process (for many fast cases); `runCli` is the real binary. */
export async function runMain(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<MainResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { NO_COLOR: "1", ...env },
    cwd,
    now: () => new Date("2026-06-01T12:00:00Z"),
  });
  return { code, stdout, stderr };
}
