import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { AuditResult } from "../../result.js";
import { errorAt, InputError } from "../../diagnostics.js";
import { validate as validateAll } from "../../generated/report-all.js";
import { validate as validateFast } from "../../generated/report-fast.js";
import { type LoadedFile, parseFile } from "../../load/index.js";
import { formats } from "../../report/index.js";
import { checkSchema } from "../../topology/schema-check.js";
import { parseMegabytes, Timings } from "../context.js";
import { displayPath } from "../host.js";
import { type AuditFlags, finish, outputSpecs, type Thresholds } from "./audit.js";
import type { CliContext, CommandModule } from "./index.js";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Reads and parses a file given on the command line, with positions for later messages. */
export function readInput(ctx: CliContext, arg: string, maxBytes = 1024 * 1024 * 1024): LoadedFile {
  const abs = resolve(ctx.io.cwd, arg);
  const shown = displayPath(ctx.io.cwd, abs);
  let bytes: Uint8Array;
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new InputError([errorAt("E_READ", `${shown}: not a file`)]);
    if (st.size > maxBytes) throw new InputError([errorAt("E_TOO_LARGE", `${shown}: ${Math.round(st.size / 1048576)} MB is over the limit (--max-file-size)`)]);
    bytes = readFileSync(abs);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([errorAt("E_READ", `${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)]);
  }
  return parseFile(shown, abs, bytes);
}

/** True when a parsed file looks like a saved result rather than a topology. */
export function isSavedResult(file: LoadedFile): boolean {
  const v = file.value;
  return Object.hasOwn(v, "tool") && Object.hasOwn(v, "summary") && Object.hasOwn(v, "pairs");
}

/** A saved `--format json` result, checked against the report schema (located messages otherwise). */
export function loadSavedResult(file: LoadedFile): AuditResult {
  const problems = checkSchema(file, validateFast, validateAll);
  if (problems.length > 0) {
    throw new InputError([errorAt("E_NOT_RESULT", `${file.file} is not a cleanpath result (\`--format json\` output): it breaks the report schema`), ...problems]);
  }
  return file.value as unknown as AuditResult;
}

interface RenderFlags {
  format: string[];
  output?: string;
  failOn: string[];
  color?: boolean;
  quiet?: boolean;
  maxFileSize?: number;
}

/** `--fail-on` for render: each pair keeps the threshold it was audited with; findings can be tightened. */
function findingThreshold(values: readonly string[]): Thresholds {
  const th: Thresholds = { pairs: "routed-dirty", findings: "error" };
  for (const v of values) {
    if (v === "error" || v === "warning") th.findings = v;
    else throw new InputError([errorAt("E_USAGE", `render keeps each pair's recorded threshold; --fail-on takes a finding level here (error, warning), not \`${v}\``)]);
  }
  return th;
}

export const renderCommand: CommandModule = (program, ctx) => {
  program
    .command("render")
    .summary("re-render a saved JSON result in other formats")
    .description(
      "Render a result saved with `--format json` in any format, later and elsewhere (a CI job that\n" +
        "audits once and publishes SARIF, JUnit and a Markdown comment from the same result). The file is\n" +
        "checked against the report schema first. The exit code comes from the result, as audit's does.",
    )
    .argument("<result>", "a result saved with --format json")
    .option(
      "-f, --format <format[:file]>",
      `output format (${formats.join(", ")}); repeat for several outputs, each with its own file`,
      collect,
      [],
    )
    .option("-o, --output <file>", "write the report (the format given without a file) to this file, atomically, instead of stdout")
    .option("--fail-on <level>", "fail on unwaived rule findings at this level or worse (error, warning; default error)", collect, [])
    .option("--no-color", "never colour the output")
    .option("-q, --quiet", "print only what fails")
    .option("--max-file-size <MB>", "largest input file accepted (default 1024)", parseMegabytes("--max-file-size"))
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath audit path topo.yaml --from gw --to hq --format json -o result.json\n" +
        "  cleanpath render result.json --format sarif:cleanpath.sarif --format junit:junit.xml --format github\n" +
        "  cleanpath render result.json --format markdown -o comment.md\n" +
        "\nExit codes: 0 the result passes, 1 it fails, 2 the file is not a valid result or bad usage.",
    )
    .action((path: string, flags: RenderFlags) => {
      const th = findingThreshold(flags.failOn);
      outputSpecs(flags);
      const result = loadSavedResult(readInput(ctx, path, flags.maxFileSize));
      return finish(ctx, result, flags, th, new Timings(false));
    });
};
