import { Command, CommanderError } from "commander";
import { InputError, formatDiagnostic } from "../diagnostics.js";
import type { CliIo } from "./io.js";
import { version } from "../version.js";

/** Runs the CLI and returns its exit code (0 pass, 1 findings, 2 bad input or usage, 3 bug). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command("cleanpath")
    .description("Audit network topologies for clean paths.")
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
      return 2;
    }
    if (err instanceof InputError) {
      for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + "\n");
      return 2;
    }
    io.stderr(`cleanpath: internal error: ${(err as Error).message}\n`);
    return 3;
  }
}
