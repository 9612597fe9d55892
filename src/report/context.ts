import { Chalk, type ChalkInstance } from "chalk";
import type { AuditResult, Verdict } from "../audit/result.js";

/** Everything a reporter may know about where its output goes; it never looks for itself. */
export interface ReportContext {
  /** Colour (ANSI) allowed. */
  color: boolean;
  version: string;
  /** Folder file paths are made relative to (SARIF and annotations want repository paths). */
  baseDir?: string;
  /** Terminal width for human formats (default 80). */
  width?: number;
  /** Print only what fails. */
  quiet?: boolean;
}

/** A format: a pure function of the result and the context. */
export type Reporter = (result: AuditResult, ctx: ReportContext) => string;

export function chalkOf(ctx: ReportContext): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

export function paintVerdict(c: ChalkInstance, v: Verdict): string {
  switch (v) {
    case "clean":
      return c.green(v);
    case "exposed":
      return c.cyan(v);
    case "fragile":
      return c.yellow(v);
    case "routed-dirty":
      return c.magenta(v);
    case "dirty":
      return c.red.bold(v);
    case "unreachable":
      return c.gray(v);
  }
}

/**
 * Text from a topology is untrusted: strip control characters (ESC, CR, LF…) so that no id can
 * move the cursor, forge a line, or start a CI workflow command.
 */
export function safe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "�");
}
