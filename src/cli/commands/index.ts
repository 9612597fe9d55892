import type { Command } from "commander";
import type { CliIo } from "../io.js";

/**
 * A subcommand's definition: given its command (already named and summarised from the table
 * below), it adds the description, arguments, options and action. The action sets
 * `ctx.exitCode` (never calls process.exit) and throws InputError for anything the user can fix.
 */
export interface CliContext {
  io: CliIo;
  exitCode: number;
}
export type CommandModule = (command: Command, ctx: CliContext) => void;

/**
 * One line of `cleanpath --help`, and where the command's definition lives. Only the command
 * the user names is loaded (its module pulls in what it runs: the audit engine and reports, the
 * importers, the planner); the others are listed from this table, so `cleanpath validate` does
 * not compile the HTML report or the LP solver.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** What follows the name in the command list: `[options]` and the arguments, as commander writes them. */
  readonly usage: string;
  readonly load: () => Promise<CommandModule>;
}

/** Every subcommand, in the order `--help` lists them. Adding a command is one file plus one entry here. */
export const commands: readonly CommandEntry[] = [
  {
    name: "validate",
    summary: "check topology files: syntax, schema, references, vendors",
    usage: "[options] <paths...>",
    load: async () => (await import("./validate.js")).validateCommand,
  },
  {
    name: "audit",
    summary: "audit the declared flows and the policy's rules (the CI one-liner)",
    usage: "[options] [files...]",
    load: async () => (await import("./audit.js")).auditCommand,
  },
  {
    name: "report",
    summary: "write a self-contained report for a client (HTML by default, also Markdown)",
    usage: "[options] <files...>",
    load: async () => (await import("./report.js")).reportCommand,
  },
  {
    name: "graph",
    summary: "draw the topology, or a flow's neighbourhood, as DOT, Mermaid or SVG",
    usage: "[options] <files...>",
    load: async () => (await import("./graph.js")).graphCommand,
  },
  {
    name: "render",
    summary: "re-render a saved JSON result in other formats",
    usage: "[options] <result>",
    load: async () => (await import("./render.js")).renderCommand,
  },
  {
    name: "diff",
    summary: "which verdicts, rules, findings and items a change adds or removes",
    usage: "[options] <before> <after>",
    load: async () => (await import("./diff.js")).diffCommand,
  },
  {
    name: "plan",
    summary: "what to replace, at least cost, so that every flow and rule passes",
    usage: "[options] <files...>",
    load: async () => (await import("./plan.js")).planCommand,
  },
  {
    name: "import",
    summary:
      "convert a containerlab lab, a GraphML map, a NetBox export, CSV tables, submarine cable data, NetJSON, a Batfish snapshot, LLDP tables or an SNDlib network into a checked topology",
    usage: "[options] <format> <inputs...>",
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "vendors",
    summary: "search the vendor registry: names, aliases, ownership history, and which lists designate a vendor",
    usage: "[options] [query]",
    load: async () => (await import("./catalogue.js")).vendorsCommand,
  },
  {
    name: "profiles",
    summary: "list the built-in regulatory profiles, or show one with every rule and source",
    usage: "[options] [name]",
    load: async () => (await import("./catalogue.js")).profilesCommand,
  },
  {
    name: "schema",
    summary: "print a JSON Schema (topology, report, …)",
    usage: "<name>",
    load: async () => (await import("./schema.js")).schemaCommand,
  },
  {
    name: "init",
    summary: "start a project: a commented topology, a policy and a CI workflow",
    usage: "[options] [dir]",
    load: async () => (await import("./init.js")).initCommand,
  },
];

/** The command an argument list runs (`help NAME` counts as NAME), or undefined. */
export function namedCommand(args: readonly string[]): CommandEntry | undefined {
  const words = args.filter((a) => !a.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return commands.find((c) => c.name === name);
}

/** Registers the command the arguments name in full and lists the rest from the table (`all`: every command in full, for tests and tools that walk the whole help). */
export async function registerCommands(program: Command, ctx: CliContext, args: readonly string[] | "all"): Promise<void> {
  const named = args === "all" ? undefined : namedCommand(args);
  for (const entry of commands) {
    const command = program.command(entry.name).summary(entry.summary);
    if (args === "all" || entry === named) (await entry.load())(command, ctx);
  }
}
