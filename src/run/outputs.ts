/**
 * Outputs, generically over any registry of formats (audit reports, diffs, graphs): parsed once
 * from `--format NAME[:FILE]` and `-o FILE`, checked against the inputs before anything runs,
 * and rendered with what each format needs (Graphviz for the ones that draw).
 */
import { resolve } from "node:path";
import { type Diagnostic, errorAt, InputError } from "../diagnostics.js";
import type { FormatRegistry, ReportContext, ReportOutput } from "../report/context.js";

export type { FormatRegistry };
import { type DotRenderer, loadGraphviz } from "../report/graphviz.js";
import { closest } from "../suggest.js";
import type { RunHost } from "./host.js";

export function formatNames(registry: FormatRegistry<never>): string[] {
  return Object.keys(registry.reporters);
}

/** One output: a format and its file (none: stdout), with the flag that named it for messages. */
export interface OutputSpec {
  format: string;
  path?: string;
  /** `-o out.json` or `--format json:out.json`, as the user wrote it. */
  flag: string;
}

/** `--format` values and `-o` as commander collects them. */
export interface OutputFlags {
  format?: readonly string[];
  output?: string;
}

function unknownFormat(registry: FormatRegistry<never>, name: string): InputError {
  const names = formatNames(registry);
  const guess = closest(name, names);
  return new InputError([
    errorAt("E_USAGE", `unknown format \`${name}\`${guess ? ` — did you mean \`${guess}\`?` : ""} (${registry.noun} formats: ${names.join(", ")})`),
  ]);
}

/** Parses the output flags against a registry; unknown names and impossible combinations are refused here. */
export function parseOutputs(registry: FormatRegistry<never>, flags: OutputFlags, defaultFormat: string): OutputSpec[] {
  const values = flags.format?.length ? flags.format : [defaultFormat];
  const specs: OutputSpec[] = values.map((value) => {
    const colon = value.indexOf(":");
    const format = colon < 0 ? value : value.slice(0, colon);
    if (!Object.hasOwn(registry.reporters, format)) throw unknownFormat(registry, format);
    if (colon < 0) return { format, flag: `--format ${value}` };
    const path = value.slice(colon + 1);
    if (path === "") throw new InputError([errorAt("E_USAGE", `--format ${value}: give a file after the colon, or no colon`)]);
    return { format, path, flag: `--format ${value}` };
  });
  const toStdout = specs.filter((s) => s.path === undefined);
  if (flags.output !== undefined) {
    if (toStdout.length !== 1) {
      throw new InputError([errorAt("E_USAGE", "-o names one file: use it with exactly one --format that has no file of its own")]);
    }
    toStdout[0]!.path = flags.output;
    toStdout[0]!.flag = `-o ${flags.output}`;
  } else if (toStdout.length > 1) {
    const second = toStdout[1]!.format;
    throw new InputError([
      errorAt("E_USAGE", `only one format can go to stdout (${toStdout.map((s) => s.format).join(", ")}); give the others a file: --format ${second}:${registry.noun}.${second}`),
    ]);
  }
  return specs;
}

/**
 * Refuses outputs that would overwrite an input (SPEC §9: an audit never destroys its own input),
 * and two outputs naming one file. `inputs` are absolute paths of every file read or to be read;
 * files are compared by identity (device and inode), so links and `./x` spellings are caught.
 */
export function refuseInputTargets(host: RunHost, outputs: readonly { path?: string; flag: string }[], inputs: Iterable<string>): void {
  const byId = new Map<string, string>();
  for (const input of inputs) {
    const id = host.fileId(input);
    if (id !== undefined && !byId.has(id)) byId.set(id, input);
  }
  const problems: Diagnostic[] = [];
  const claimed = new Map<string, string>();
  for (const out of outputs) {
    if (out.path === undefined) continue;
    const abs = resolve(host.cwd, out.path);
    const id = host.fileId(abs);
    const input = id === undefined ? undefined : byId.get(id);
    if (input !== undefined) {
      problems.push(
        errorAt(
          "E_OUTPUT_IS_INPUT",
          `${out.flag}: ${host.display(input)} is an input of this run; cleanpath never writes over its inputs — choose another file`,
        ),
      );
      continue;
    }
    // Two outputs into one file: the second would silently replace the first.
    const key = id ?? abs;
    const first = claimed.get(key);
    if (first !== undefined) problems.push(errorAt("E_USAGE", `${out.flag}: ${first} already writes to ${out.path}; give each output its own file`));
    else claimed.set(key, out.flag);
  }
  if (problems.length > 0) throw new InputError(problems);
}

/** A rendered output: where it goes, and its text (one string or pieces in order). */
export interface RenderedOutput {
  spec: OutputSpec;
  text: ReportOutput;
}

/** Everything reporters may be told, but for Graphviz (loaded here when a format needs it). */
export interface RenderOptions extends Omit<ReportContext, "graphviz" | "color"> {
  /** Colour for an output: stdout may be a terminal, files never are. */
  color: (toStdout: boolean) => boolean;
  /** An already loaded Graphviz (tests, repeated renders); otherwise loaded when needed. */
  graphviz?: DotRenderer;
}

/** Renders each output with its registry's reporter, giving each the context it needs. */
export async function renderOutputs<T>(registry: FormatRegistry<T>, value: T, specs: readonly OutputSpec[], options: RenderOptions): Promise<RenderedOutput[]> {
  const draws = specs.some((s) => registry.graphviz?.includes(s.format));
  const graphviz = draws ? (options.graphviz ?? (await loadGraphviz())) : undefined;
  const { color, graphviz: _given, ...rest } = options;
  return specs.map((spec) => {
    const reporter = registry.reporters[spec.format];
    if (!reporter) throw unknownFormat(registry, spec.format);
    const ctx: ReportContext = { ...rest, color: color(spec.path === undefined), ...(graphviz ? { graphviz } : {}) };
    return { spec, text: reporter(value, ctx) };
  });
}
