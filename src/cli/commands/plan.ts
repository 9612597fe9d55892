import { Option } from "commander";
import { errorAt, InputError } from "../../diagnostics.js";
import { planFormats } from "../../report/plan/index.js";
import { renderOutputs } from "../../run/outputs.js";
import { type PlanFlags, planOutcomeLine, planRequest, planRequestWith } from "../../run/plan.js";
import { version } from "../../version.js";
import { clockOf, timingsOf } from "../deliver.js";
import { runEvents, useColor } from "../context.js";
import { writeFileAtomic } from "../files.js";
import { nodeHost } from "../host.js";
import { writeOutputs } from "../outputs.js";
import { auditOptions, examples, pairOptions } from "../options.js";
import { resolve } from "node:path";
import type { CommandModule } from "./index.js";

/** A finite number of at least 0 (a budget, a cost, seconds), else a usage error naming the flag. */
function amount(flag: string, positive = false): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n) || n < 0 || (positive && n === 0)) {
      throw new InputError([errorAt("E_USAGE", `${flag} takes a ${positive ? "positive" : "non-negative"} number, not \`${v}\``)]);
    }
    return n;
  };
}

const planExitCodes =
  "\nExit codes: 0 the plan makes every check pass (within the budget), 1 some check stays failing (for want of budget, or because nothing can fix it), 2 bad input or usage, 3 internal error.";

export const planCommand: CommandModule = (command, ctx) => {
  const cmd = command
    .description(
      "Find the cheapest set of high-risk (or, under --unknown-vendor risky, unknown) in-service items to replace so that every declared flow and every rule of the policies passes, solved exactly (mixed-integer optimisation with HiGHS, no network). A replaced item counts as clean, with vendor --replace-with; routing does not change. Items go in phases by the earliest deadline rule that needs them, then `flows` and `other`. Every plan is audited again before it is printed. Costs are each item's replacementCost; use --by count or --default-cost N when they are missing.",
    )
    .argument("<files...>", "topology and policy files or folders (together they form one topology)");
  pairOptions(auditOptions(cmd, planFormats), "plan for this pair too, beside the declared flows")
    .option("--budget <n>", "spend at most this much: the plan that fixes the most (pairs by flow weight, then rules, then least cost); a plan costing exactly N fits", amount("--budget"))
    .addOption(new Option("--by <measure>", "what the plan minimises: the items' replacementCost, or the number of items").choices(["cost", "count"]))
    .option("--default-cost <n>", "the cost of items without a replacementCost", amount("--default-cost"))
    .option("--replace-with <vendor>", "the vendor replaced items get (a clean vendor of the registry)", "replacement")
    .option("--time-limit <seconds>", "stop the solver after this long and return the best plan found, with its lower bound and gap", amount("--time-limit", true), 60)
    .option("--write-after <file>", "write the topology with the plan applied, as one YAML file (atomically; never one of the inputs)")
    .addHelpText(
      "after",
      examples(
        "cleanpath plan examples/uk-mobile.yaml --policy uk-dvd-2022 --as-of 2023-06-30 --by count",
        "cleanpath plan examples/national-wholesale.yaml --format json -o plan.json",
        "cleanpath plan topo/ --policy policy.yaml --budget 250000 --write-after topo-after.yaml",
      ) + planExitCodes,
    )
    .action(async (files: string[], flags: PlanFlags) => {
      const timings = timingsOf(ctx);
      const request = planRequest(files, flags, clockOf(ctx));
      const run = await planRequestWith(nodeHost(ctx.io.cwd), request, runEvents(ctx.io, flags, timings));
      const result = run.outcome.result;
      const rendered = await renderOutputs(planFormats, result, request.outputs, {
        color: (toStdout) => toStdout && useColor(ctx.io, "stdout", flags.color),
        version,
        baseDir: ctx.io.cwd,
        ...(request.quiet ? { quiet: true } : {}),
      });
      if (run.afterYaml !== undefined && request.writeAfter !== undefined) writeFileAtomic(resolve(ctx.io.cwd, request.writeAfter), run.afterYaml);
      const files2 = writeOutputs(ctx.io, rendered);
      if (request.writeAfter !== undefined) files2.push(request.writeAfter);
      if (files2.length > 0 && !request.quiet) ctx.io.stderr(planOutcomeLine(result, files2));
      ctx.exitCode = result.passed ? 0 : 1;
      timings.flush(ctx.io);
    });
};
