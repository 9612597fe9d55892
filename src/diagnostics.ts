/** 1-based line and column (UTF-16 code units), as editors and SARIF use them. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = "error" | "warning";

/** One located message about the input. Codes are stable (`E_…` errors, `W_…` warnings). */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  /** Other places that matter (the first of two duplicate keys, the other end of a cycle). */
  related?: SourceLocation[];
}

/** Anything the user can fix: exit code 2. Carries every diagnostic found, not only the first. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/** A usage mistake on the command line (bad flag value, unknown id): exit code 2. */
export function usageError(code: string, message: string): InputError {
  return new InputError([{ code, severity: "error", message }]);
}

export function errorAt(code: string, message: string, location?: SourceLocation): Diagnostic {
  return location ? { code, severity: "error", message, location } : { code, severity: "error", message };
}

export function warningAt(code: string, message: string, location?: SourceLocation): Diagnostic {
  return location ? { code, severity: "warning", message, location } : { code, severity: "warning", message };
}

export function formatLocation(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** `file:line:col  code  message`, the form every editor and CI log understands. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? formatLocation(d.location) : "cleanpath";
  const related = d.related?.length ? ` (see ${d.related.map(formatLocation).join(", ")})` : "";
  return `${where}  ${d.code}  ${d.message}${related}`;
}

/** Stable order: file, line, column, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.file ?? "";
  const fb = b.location?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location?.line ?? 0;
  const lb = b.location?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.location?.column ?? 0;
  const cb = b.location?.column ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
