/** What the commands that audit share: the clock, the audit of their flags, and delivering its outputs. */
import { decide } from "../decide.js";
import { reportFormats } from "../report/index.js";
import type { AuditResult } from "../result.js";
import { auditRequestWith } from "../run/audit.js";
import { renderOutputs } from "../run/outputs.js";
import { type AuditFlags, type AuditMode, type AuditRequest, auditRequest, type Clock } from "../run/request.js";
import { outcomeLine } from "../run/summary.js";
import { version } from "../version.js";
import type { CliContext } from "./commands/index.js";
import { runEvents, Timings, useColor } from "./context.js";
import { nodeHost } from "./host.js";
import { writeOutputs } from "./outputs.js";

/** The clock of this process: now, and SOURCE_DATE_EPOCH when set. */
export function clockOf(ctx: CliContext): Clock {
  const epoch = ctx.io.env.SOURCE_DATE_EPOCH;
  return { now: ctx.io.now(), ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}) };
}

export function timingsOf(ctx: CliContext): Timings {
  return new Timings(ctx.io.env.CLEANPATH_TIMINGS === "1");
}

/**
 * Renders a result in every requested format, writes them, prints the outcome line when files
 * were written, and sets the exit code: the line and the code both come from `decide()`.
 */
export async function deliver(
  ctx: CliContext,
  result: AuditResult,
  request: Pick<AuditRequest, "outputs" | "quiet" | "thresholds">,
  color: boolean | undefined,
  timings: Timings,
): Promise<void> {
  const t0 = timings.clock();
  const rendered = await renderOutputs(reportFormats, result, request.outputs, {
    color: (toStdout) => toStdout && useColor(ctx.io, "stdout", color),
    version,
    baseDir: ctx.io.cwd,
    ...(request.quiet ? { quiet: true } : {}),
  });
  timings.record("report", timings.clock() - t0);
  const files = timings.time("write", () => writeOutputs(ctx.io, rendered));
  const decision = decide(result, request.thresholds.findings);
  if (files.length > 0 && !request.quiet) ctx.io.stderr(outcomeLine(result, decision, files));
  ctx.exitCode = decision.exitCode;
  timings.flush(ctx.io);
}

/** Parses the flags, audits, delivers: what `audit`, `audit path|flows|rules` and `report` do. */
export async function auditAndDeliver(ctx: CliContext, mode: AuditMode, files: readonly string[], flags: AuditFlags, options: { defaultFormat?: string; allowEmpty?: boolean } = {}): Promise<void> {
  const timings = timingsOf(ctx);
  const request = auditRequest(files, flags, { mode, clock: clockOf(ctx), registry: reportFormats, ...options });
  const { result } = auditRequestWith(nodeHost(ctx.io.cwd), request, runEvents(ctx.io, flags, timings));
  await deliver(ctx, result, request, flags.color, timings);
}
