import { Command, CommanderError } from "commander";
import { InputError, formatDiagnostic } from "../diagnostics.js";
import { version } from "../version.js";
import { commands, type CliContext } from "./commands/index.js";
import type { CliIo } from "./io.js";

/** Runs the CLI and returns its exit code (0 pass, 1 findings, 2 bad input or usage, 3 bug). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  const program = new Command("cleanpath")
    .description("Audit network topologies for clean paths.")
    .version(version, "-V, --version")
    .option("--verbose", "print stack traces of internal errors")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const register of commands) register(program, ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      return 2;
    }
    if (err instanceof InputError) {
      for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + "\n");
      return 2;
    }
    const verbose = argv.includes("--verbose");
    io.stderr(
      `cleanpath: internal error: ${(err as Error)?.message ?? String(err)}\n` +
        `This is a bug in cleanpath; please report it with the command you ran${verbose ? "" : " (add --verbose for the stack trace)"}.\n`,
    );
    if (verbose && err instanceof Error && err.stack) io.stderr(err.stack + "\n");
    return 3;
  }
}
