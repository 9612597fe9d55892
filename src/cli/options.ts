/**
 * The options commands share, defined once: every command that audits takes the same flags with
 * the same help, and every command that writes lists exactly the formats its registry has.
 * Descriptions are single paragraphs: commander wraps them to the terminal.
 */
import { type Command, Option } from "commander";
import { failLevels } from "../decide.js";
import { errorAt, InputError } from "../diagnostics.js";
import { verdicts } from "../result.js";
import { type FormatRegistry, formatNames } from "../run/outputs.js";
import { parseMegabytes } from "./context.js";

/** Repeatable options collect their values; without a default, so help shows none (absent: undefined). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A whole number from `min` to `max`, else a usage error naming the flag. */
export function wholeNumber(flag: string, min = 0, max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max < 1e6 ? ` from ${min} to ${max}` : min > 0 ? ` of at least ${min}` : "";
      throw new InputError([errorAt("E_USAGE", `${flag} takes a whole number${range}, not \`${v}\``)]);
    }
    return n;
  };
}

/** `--format NAME[:FILE]` (repeatable) and `-o FILE`, listing the registry's formats. */
export function outputOptions(cmd: Command, registry: FormatRegistry<never>, defaultFormat: string): Command {
  const names = formatNames(registry);
  const other = names.find((n) => n !== defaultFormat) ?? defaultFormat;
  return cmd
    .option(
      "-f, --format <format[:file]>",
      `output format: ${names.join(", ")} (default ${defaultFormat}); repeat for several outputs, each with its own file: --format ${defaultFormat} --format ${other}:out.${other}`,
      collect,
    )
    .option("-o, --output <file>", "write the output (the format given without a file) to this file, atomically, instead of stdout; never one of the input files");
}

/** Who counts as high-risk: policies, designated vendors, unknown-vendor mode. */
export function policyOptions(cmd: Command): Command {
  return cmd
    .option("-p, --policy <file|profile>", "a policy file or a built-in profile (`cleanpath profiles`); repeatable, merged in order", collect)
    .addOption(new Option("--unknown-vendor <mode>", "count items of unknown vendor as risky or clean (default: the policy's, else risky)").choices(["risky", "clean"]))
    .option("--risk-vendor <name>", "designate exactly these vendors (repeatable), replacing the default Huawei and ZTE and any policy's vendors and lists", collect)
    .option("--as-of <date>", "judge dates, aliases and deadlines on this day (YYYY-MM-DD; default today)");
}

/** Limits on what is read. */
export function limitOptions(cmd: Command): Command {
  return cmd
    .option("--max-file-size <MB>", "largest input file accepted (default 1024)", parseMegabytes("--max-file-size"))
    .option("--max-full-yaml-size <MB>", "largest YAML file read by the full parser when the fast reader cannot (default 10)", parseMegabytes("--max-full-yaml-size"));
}

/** Colour and verbosity of what is printed. */
export function displayOptions(cmd: Command, quiet = "print only what fails"): Command {
  return cmd.option("--no-color", "never colour the output").option("-q, --quiet", quiet);
}

/** Every option of the commands that audit (SPEC §6). */
export function auditOptions(cmd: Command, registry: FormatRegistry<never>, defaultFormat = "table"): Command {
  outputOptions(cmd, registry, defaultFormat).option(
    "--fail-on <threshold>",
    `fail on a pair verdict this bad or worse (${verdicts.join(", ")}; default routed-dirty), or on rule findings at this level (${failLevels.join(", ")}; default error); repeat to set both`,
    collect,
  );
  cmd.option("--failures <n>", "single failures (1) or pairs of failures (2) to simulate for the fragile verdict", wholeNumber("--failures", 0, 2), 0);
  policyOptions(cmd).option("--max-pairs <n>", "refuse selectors that expand to more pairs than this", wholeNumber("--max-pairs"), 10_000);
  displayOptions(cmd).option("--no-progress", "never show progress on the terminal");
  return limitOptions(cmd);
}

/** `--from`/`--to` as optional flags (report, diff, graph): a pair instead of the declared flows. */
export function pairOptions(cmd: Command, what: string): Command {
  return cmd
    .option("--from <endpoint>", `${what}: an element id, or a selector key=value[,key=value…] (keys: id, role, vendor, operator, site, country, region, tag)`)
    .option("--to <endpoint>", "the other end, as --from");
}

export const exitCodes = "\nExit codes: 0 everything passes, 1 a pair or rule fails its --fail-on threshold, 2 bad input or usage, 3 internal error.";

/** The examples block of a command's help. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}
