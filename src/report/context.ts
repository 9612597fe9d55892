import { Chalk, type ChalkInstance } from "chalk";
import type { AuditResult, Verdict } from "../result.js";
import type { DotRenderer } from "./graphviz.js";

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
  /**
   * Graphviz, for formats that draw diagrams (their registry says which): the caller loads it
   * before rendering (`loadGraphviz()`); without it those formats draw no diagram.
   */
  graphviz?: DotRenderer;
}

/**
 * What a format produces: one string, or its text in pieces, in order, for outputs that may pass
 * the longest string V8 can build (about 512 MiB): the caller writes the pieces one after another.
 */
export type ReportOutput = string | readonly string[];

/** A format: a pure function of the result and the context. */
export type Reporter = (result: AuditResult, ctx: ReportContext) => ReportOutput;

/** A format whose output is always one string (small by construction, or bounded by elision). */
export type TextReporter = (result: AuditResult, ctx: ReportContext) => string;

/** A family of formats for one kind of value: what `--format` accepts for a command. */
export interface FormatRegistry<T> {
  /** What the formats render, for messages: "report", "diff", "graph". */
  readonly noun: string;
  readonly reporters: Readonly<Record<string, (value: T, ctx: ReportContext) => ReportOutput>>;
  /** Formats that draw diagrams with Graphviz (they are given it in their context). */
  readonly graphviz?: readonly string[];
}

/** The whole text of an output (for tests and callers that want one string of a small report). */
export function outputText(out: ReportOutput): string {
  return typeof out === "string" ? out : out.join("");
}

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
