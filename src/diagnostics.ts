import type { ErrorCode as YamlErrorCode } from "yaml";

/**
 * Every diagnostic code, with what it means: a closed set, so a new code is added here (and shows
 * in the docs) or it does not compile. Codes are stable; near-synonyms are not allowed.
 */
export const diagnosticCodes = {
  // Usage and files
  E_USAGE: "a command-line mistake: a flag value, a missing or conflicting flag",
  E_READ: "a file or folder that cannot be read, or does not exist",
  E_WRITE: "an output file that cannot be written",
  E_EXISTS: "an output file that exists (import writes over it only with --force)",
  E_OUTPUT_IS_INPUT: "an output flag naming one of the run's input files",
  E_TOO_LARGE: "an input or a drawing too large for its limit or for memory",
  E_NOTHING_TO_AUDIT: "no flow, pair or rule to audit",
  E_NOT_RESULT: "a file given as a saved result that is not one",
  E_PLAN_COST: "items a plan may replace without a replacementCost (give costs, --default-cost N or --by count)",
  // Reading YAML and JSON
  E_ENCODING: "a file that is not UTF-8 (or has bytes that are not valid UTF-8)",
  E_CONTROL_CHAR: "a control character in the text",
  E_EMPTY: "an empty file",
  E_ROOT_TYPE: "a file whose top level is not a mapping",
  E_YAML_SYNTAX: "a YAML syntax error",
  E_YAML_UNSUPPORTED: "a YAML feature topology files do not accept",
  E_JSON_SYNTAX: "a JSON syntax error",
  E_DIRECTIVE: "a YAML directive (%YAML, %TAG)",
  E_MULTI_DOC: "more than one YAML document in a file",
  E_DUPLICATE_KEY: "a key given twice in one mapping",
  E_ALIAS_LIMIT: "too many YAML aliases",
  E_RECURSIVE_ALIAS: "a YAML alias that contains itself",
  E_UNRESOLVED_ALIAS: "a YAML alias to an anchor that does not exist",
  E_TOO_MANY_NODES: "YAML aliases that expand past the limit (an alias bomb)",
  E_TOO_DEEP: "nesting deeper than the limit",
  E_INCLUDE_CYCLE: "files that include each other",
  E_INCLUDE_ESCAPE: "an include outside the including file's folder",
  // Schema and references
  E_SCHEMA: "a value the schema does not allow",
  E_SCHEMA_VERSION: "a missing or unknown `cleanpath:` format version",
  E_SCHEMA_REQUIRED: "a required field that is missing",
  E_SCHEMA_TYPE: "a value of the wrong type",
  E_SCHEMA_UNKNOWN_PROPERTY: "a field the format does not have (with a suggestion)",
  E_SCHEMA_VALUE: "a value outside the allowed set",
  E_SCHEMA_RANGE: "a number out of range (metrics: positive whole numbers)",
  E_SCHEMA_DATE: "a date not written YYYY-MM-DD, or not a real day",
  E_SCHEMA_ID: "an id with characters ids may not have",
  E_SCHEMA_NAME: "a name the format does not accept",
  E_SCHEMA_LINK: "a link written in neither the object nor the compact form",
  E_SCHEMA_COUNTRY: "a country that is not an ISO 3166-1 alpha-2 code",
  E_SCHEMA_RULE: "a rule with no kind, or more than one",
  E_DATE: "an invalid date",
  E_DUPLICATE_ID: "an id used twice (across every file of the topology)",
  E_UNKNOWN_ELEMENT: "a reference to an element that does not exist",
  E_UNKNOWN_SITE: "a reference to a site that does not exist",
  E_UNKNOWN_OPERATOR: "a reference to an operator that does not exist",
  E_UNKNOWN_VENDOR: "a vendor that a policy designates but the registry does not know",
  E_VENDOR_AMBIGUOUS: "a vendor name that matches more than one registry entry",
  E_SELF_LOOP: "a link from an element to itself",
  E_UNKNOWN_ITEM: "an `underlay` entry naming no element or link",
  E_UNDERLAY_SELF: "an `underlay` listing the item itself or, for a link, one of its own ends",
  E_UNDERLAY_CYCLE: "items whose underlays rest on each other in a cycle",
  E_EMPTY_SELECTOR: "a selector with no keys",
  E_TOO_MANY_PAIRS: "selectors that expand to more pairs than --max-pairs",
  E_NOT_IN_SERVICE: "an explicit endpoint that is not in service",
  // Policies
  E_UNKNOWN_PROFILE: "a profile name that is not built in",
  E_UNKNOWN_LIST: "a designation list that is not built in",
  E_EXTENDS_CYCLE: "policies that extend each other",
  E_RULE: "a rule that cannot be checked as written",
  // Import
  E_IMPORT_FORMAT: "an unknown import format",
  E_IMPORT_INPUT: "the wrong number or kind of input files for an importer",
  E_IMPORT_INVALID: "an importer's output that does not validate (a bug)",
  E_CLAB: "a file that is not a containerlab topology",
  E_GRAPHML: "a file that is not GraphML",
  E_XML: "an XML syntax error",
  E_NETBOX: "a file that is not a NetBox export",
  E_NETJSON: "a file that is not a NetJSON NetworkGraph",
  E_BATFISH: "a file that is not a Batfish layer-1 topology or snapshot",
  E_LLDP: "a file that is not an LLDP neighbour table",
  E_CABLES: "a file that is not submarine cable data in TeleGeography's layout",
  E_SNDLIB: "a file that is not an SNDlib network (native or XML)",
  E_CSV: "a CSV syntax error or a row of the wrong width",
  E_CSV_HEADER: "a CSV header without a required column",
  E_CSV_VALUE: "a CSV cell with a value that is not allowed",
  E_CSV_DUPLICATE: "a CSV row whose id is already used",
  E_CSV_REFERENCE: "a CSV row referring to an id that does not exist",
  E_VENDOR_MAP: "a vendor map that is not a mapping of names to vendors",
  // Warnings
  W_SKIPPED: "a file of a folder skipped (not a cleanpath document)",
  W_UNKNOWN_VENDOR: "a vendor the registry does not know (it counts as unknown)",
  W_VENDOR_COUNTRY: "a declared vendor whose country disagrees with the registry",
  W_DATES: "dates that contradict each other (decommissioned before installed)",
  W_UNDERLAY_DUPLICATE: "an `underlay` listing the same item twice (the second is ignored)",
} as const;

/** A diagnostic code: one of `diagnosticCodes`, or a YAML parser error passed through (`E_YAML_BAD_INDENT`). */
export type DiagnosticCode = keyof typeof diagnosticCodes | `E_YAML_${YamlErrorCode}`;

/** 1-based line and column (UTF-16 code units), as editors and SARIF use them. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = "error" | "warning";

/** One located message about the input. Codes are stable (`E_…` errors, `W_…` warnings). */
export interface Diagnostic {
  code: DiagnosticCode;
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
export function usageError(code: DiagnosticCode, message: string): InputError {
  return new InputError([{ code, severity: "error", message }]);
}

export function errorAt(code: DiagnosticCode, message: string, location?: SourceLocation): Diagnostic {
  return location ? { code, severity: "error", message, location } : { code, severity: "error", message };
}

export function warningAt(code: DiagnosticCode, message: string, location?: SourceLocation): Diagnostic {
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

/** What sorting needs: a place, a code (or rule id) and a message. */
type Located = Pick<Diagnostic, "location" | "message"> & { code: string };

/** Stable order: file, line, column, code, message. */
export function compareDiagnostics(a: Located, b: Located): number {
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
