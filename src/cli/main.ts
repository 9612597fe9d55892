import { Command, CommanderError, Help } from "commander";
import { InputError, formatDiagnostic } from "../diagnostics.js";
import { version } from "../version.js";
import { commands, registerCommands, type CliContext } from "./commands/index.js";
import type { CliIo } from "./io.js";

/** Help wraps to the terminal (COLUMNS when set), 80 columns otherwise, never past 120. */
function helpWidth(io: CliIo): number {
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns >= 40 ? Math.min(columns, 120) : 80;
}

/** Runs the CLI and returns its exit code (0 pass, 1 findings, 2 bad input or usage, 3 bug). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  // --verbose is accepted anywhere before `--`: commands parse their own options, so it is taken out first.
  const end = argv.indexOf("--");
  const verbose = (end < 0 ? argv : argv.slice(0, end)).includes("--verbose");
  const args = argv.filter((a, i) => a !== "--verbose" || (end >= 0 && i > end));
  const width = helpWidth(io);
  const program = new Command("cleanpath")
    .description("Audit network topologies for clean paths.")
    .version(version, "-V, --version")
    .option("--verbose", "print stack traces of internal errors (accepted anywhere on the line)")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, getOutHelpWidth: () => width, getErrHelpWidth: () => width })
    // Wrap even narrow description columns rather than letting long lines run past the width.
    // The command list is written from the command table: only the command named is loaded.
    .configureHelp({
      minWidthToWrap: 20,
      subcommandTerm(cmd: Command): string {
        const entry = cmd.parent === program ? commands.find((c) => c.name === cmd.name()) : undefined;
        return entry ? `${entry.name} ${entry.usage}` : Help.prototype.subcommandTerm.call(this, cmd);
      },
    });
  try {
    await registerCommands(program, ctx, args);
    await program.parseAsync(args, { from: "user" });
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
    io.stderr(
      `cleanpath: internal error: ${(err as Error)?.message ?? String(err)}\n` +
        `This is a bug in cleanpath; please report it with the command you ran${verbose ? "" : " (add --verbose for the stack trace)"}.\n`,
    );
    if (verbose && err instanceof Error && err.stack) io.stderr(err.stack + "\n");
    return 3;
  }
}
