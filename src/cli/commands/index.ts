import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { auditCommand } from "./audit.js";
import { profilesCommand, vendorsCommand } from "./catalogue.js";
import { diffCommand } from "./diff.js";
import { graphCommand } from "./graph.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";
import { planCommand } from "./plan.js";
import { renderCommand } from "./render.js";
import { reportCommand } from "./report.js";
import { schemaCommand } from "./schema.js";
import { validateCommand } from "./validate.js";

/**
 * A subcommand: registers itself on the program. The action sets `ctx.exitCode`
 * (never calls process.exit) and throws InputError for anything the user can fix.
 */
export interface CliContext {
  io: CliIo;
  exitCode: number;
}
export type CommandModule = (program: Command, ctx: CliContext) => void;

/** Every subcommand, in the order `--help` lists them. Adding a command is one file plus one line here. */
export const commands: CommandModule[] = [
  validateCommand,
  auditCommand,
  reportCommand,
  graphCommand,
  renderCommand,
  diffCommand,
  planCommand,
  importCommand,
  vendorsCommand,
  profilesCommand,
  schemaCommand,
  initCommand,
];
