import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { AuditResult } from "../../result.js";
import { errorAt, InputError } from "../../diagnostics.js";
import { diffResults, type ItemSnapshot, topologyItems } from "../../diff/compare.js";
import { type DiffFormat, diffFormats, diffReporters } from "../../diff/report.js";
import type { LoadedFile } from "../../load/index.js";
import { version } from "../../version.js";
import { Timings, useColor } from "../context.js";
import { writeFileAtomic } from "../files.js";
import { type AuditFlags, auditLoaded, auditOptions, clockOf, loadInputs, outputSpecs, thresholds, type Thresholds } from "./audit.js";
import type { CliContext, CommandModule } from "./index.js";
import { isSavedResult, loadSavedResult, readInput } from "./render.js";

interface DiffFlags extends AuditFlags {
  from?: string;
  to?: string;
}

/** A `.json` argument that holds a saved result (not a topology) is compared as it is. */
function savedResultAt(ctx: CliContext, arg: string): LoadedFile | undefined {
  if (!/\.json$/i.test(arg)) return undefined;
  let isFile = false;
  try {
    isFile = statSync(resolve(ctx.io.cwd, arg)).isFile();
  } catch {
    return undefined; // the topology loader reports the missing file with its usual message
  }
  if (!isFile) return undefined;
  const file = readInput(ctx, arg);
  return isSavedResult(file) ? file : undefined;
}

/** The flows declared in the topology, or the one `--from/--to` pair. */
function auditSide(ctx: CliContext, arg: string, flags: DiffFlags, th: Thresholds): { result: AuditResult; items: ItemSnapshot } {
  const timings = new Timings(false);
  const loaded = loadInputs(ctx, [arg], flags, timings);
  // The same audit as `cleanpath audit` (flows and rules) or `audit path` (with --from/--to).
  const mode = flags.from !== undefined ? "path" : "all";
  const result = auditLoaded(loaded, mode, flags, th, clockOf(ctx, flags.asOf), timings);
  return { result, items: topologyItems(loaded.topology, result) };
}

export const diffCommand: CommandModule = (program, ctx) => {
  const cmd = program
    .command("diff")
    .summary("which verdicts, rules, findings and items a change adds or removes")
    .description(
      "Compare two versions of a network: two topology files or folders (both audited here, with the\n" +
        "flows they declare or the pair --from/--to, and the same options), or two results saved with\n" +
        "`--format json`. Lists pairs whose verdict got worse or better (or that now fail), rules that\n" +
        "now fail, findings that appeared or disappeared (matched by rule and items), and items added,\n" +
        "removed or whose vendor changed. Formats: table, json, markdown, github (several at once with\n" +
        "--format name:file, as for audit).",
    )
    .argument("<before>", "topology file or folder, or a saved JSON result")
    .argument("<after>", "the same kind as <before>")
    .option("--from <endpoint>", "compare this pair instead of the declared flows (an element id or a selector)")
    .option("--to <endpoint>", "with --from");
  auditOptions(cmd)
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath diff main/topo.yaml topo.yaml                      flows declared in the files\n" +
        "  cleanpath diff old/ new/ --from role=ran,tag=border --to dc-mty\n" +
        "  cleanpath diff before.json after.json --format markdown -o comment.md\n" +
        "  cleanpath diff base/ head/ --format markdown:comment.md --format github\n" +
        "\nExit codes: 0 nothing got worse, 1 a pair's verdict got worse or it now fails, a rule now fails,\n" +
        "or a new unwaived error finding appeared; 2 bad input or usage.",
    )
    .action((before: string, after: string, flags: DiffFlags) => {
      const th = thresholds(flags.failOn);
      const specs = outputSpecs(flags);
      const unsupported = specs.filter((s) => !(diffFormats as string[]).includes(s.format));
      if (unsupported.length > 0) {
        throw new InputError([errorAt("E_USAGE", `diff has no ${unsupported[0]!.format} format (formats: ${diffFormats.join(", ")})`)]);
      }
      if ((flags.from === undefined) !== (flags.to === undefined)) throw new InputError([errorAt("E_USAGE", "--from and --to go together")]);
      const savedBefore = savedResultAt(ctx, before);
      const savedAfter = savedResultAt(ctx, after);
      if ((savedBefore === undefined) !== (savedAfter === undefined)) {
        throw new InputError([errorAt("E_USAGE", `compare two topologies or two saved results, not one of each (${savedBefore ? before : after} is a saved result)`)]);
      }
      let diff;
      if (savedBefore && savedAfter) {
        if (flags.from !== undefined) throw new InputError([errorAt("E_USAGE", "--from/--to choose pairs to audit: saved results are compared as they are")]);
        diff = diffResults(loadSavedResult(savedBefore), loadSavedResult(savedAfter), { mode: "result", version });
      } else {
        const b = auditSide(ctx, before, flags, th);
        const a = auditSide(ctx, after, flags, th);
        diff = diffResults(b.result, a.result, { mode: "topology", version, items: { before: b.items, after: a.items } });
      }
      const rendered = specs.map((spec) => ({
        spec,
        text: diffReporters[spec.format as DiffFormat](diff, {
          color: spec.path === undefined && useColor(ctx.io, "stdout", flags.color),
          version,
          baseDir: ctx.io.cwd,
          ...(flags.quiet ? { quiet: true } : {}),
        }),
      }));
      for (const { spec, text } of rendered) if (spec.path !== undefined) writeFileAtomic(spec.path, text);
      for (const { spec, text } of rendered) if (spec.path === undefined) ctx.io.stdout(text);
      ctx.exitCode = diff.summary.gotWorse ? 1 : 0;
    });
};
