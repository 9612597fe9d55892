// CSV tables (the csv importer, CSV vendor maps), read by csv-parse: RFC 4180 quoted fields with
// "" escapes and line breaks, CRLF or LF line ends. The separator is taken from the header line
// (`,`, `;` or tab). What this file adds is the position of every cell, for located messages,
// recovered from the values csv-parse gives and checked by a property test on written tables.
import { CsvError, parse } from "csv-parse/sync";
import { type Diagnostic, InputError, type SourceLocation } from "../diagnostics.js";
import { lineLocator } from "../load/index.js";

export interface CsvCell {
  value: string;
  line: number;
  column: number;
}

export interface CsvTable {
  file: string;
  header: CsvCell[];
  rows: CsvCell[][];
}

/** Problems reported per file before the rest is left unread. */
const maxErrors = 100;

/** The separator the header row uses, outside its quoted fields (which may hold separators and line breaks). */
function separatorOf(text: string): string {
  const first = /^(?:"(?:[^"]|"")*"|[^"\n])*/.exec(text)![0].replace(/"(?:[^"]|"")*"/g, "");
  if (first.includes(",")) return ",";
  if (first.includes(";")) return ";";
  if (first.includes("\t")) return "\t";
  return ",";
}

/** Parses a CSV file whose first non-empty row is the header; blank lines are ignored. */
export function parseCsv(file: string, source: string): CsvTable {
  // Text from load/ has no byte-order mark; one left in would shift every column of line 1.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const sep = separatorOf(text);
  const locate = lineLocator(file, text);
  const errors: Diagnostic[] = [];
  let rows: CsvCell[][] = [];
  // csv-parse stops at the first problem; reading on from the next line finds the others.
  for (let from = 0; errors.length < maxErrors; ) {
    const read = readRows(text, from, sep, locate);
    if (!("problem" in read)) {
      rows = read.rows;
      break;
    }
    const { at, message, final } = read.problem;
    errors.push({ code: "E_CSV", severity: "error", message, location: locate(at) });
    const next = text.indexOf("\n", at);
    if (final || next === -1) break;
    from = next + 1;
  }
  if (errors.length > 0) throw new InputError(errors);
  const header = rows.shift();
  if (!header) throw new InputError([{ code: "E_CSV", severity: "error", message: "empty file: a header row is required", location: { file, line: 1, column: 1 } }]);
  return { file, header, rows };
}

interface Problem {
  /** Offset in the whole text. */
  at: number;
  message: string;
  /** Nothing after it can be read (a quote never closed). */
  final: boolean;
}

/** The rows of `text` from offset `from` on, or the first problem there. */
function readRows(text: string, from: number, sep: string, locate: (offset: number) => SourceLocation): { rows: CsvCell[][] } | { problem: Problem } {
  const input = text.slice(from);
  let records: string[][];
  try {
    // Rows longer than the header are reported by the importer, with the column.
    records = parse(input, { delimiter: sep, record_delimiter: ["\r\n", "\n"], relax_column_count: true });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return { problem: describe(err, input, from) };
  }
  return { rows: locateCells(records, text, from, locate).filter((r) => !(r.length === 1 && r[0]!.value === "")) };
}

/**
 * Each value with the line and column where its cell starts. Cells follow each other in the text,
 * one separator apart, each as long as it is written: a quoted one (it starts with `"`) has its
 * quotes and every inner quote doubled. (csv-parse can say where each field ends, through a
 * `cast` function, but building its context for every field makes reading ten times slower.)
 */
function locateCells(records: readonly string[][], text: string, from: number, locate: (offset: number) => SourceLocation): CsvCell[][] {
  let at = from;
  return records.map((record) => {
    const cells = record.map((value): CsvCell => {
      const { line, column } = locate(at);
      at += (text.charCodeAt(at) === 0x22 ? value.length + 2 + count(value, '"') : value.length) + 1;
      return { value, line, column };
    });
    // Past the last cell and the first character of its line end: a CRLF has one more.
    if (text.charCodeAt(at - 1) === 0x0d) at++;
    return cells;
  });
}

/** What went wrong, and where, in the terms of someone editing the file. */
function describe(err: CsvError, input: string, from: number): Problem {
  // `bytes` (UTF-8) is where the last complete field or record ended: the failing field starts
  // there, or after the separator. (`bytes_records` would be the record's start, but blank lines skew it.)
  const byte = Number(err.bytes) + (Number(err.index) === 0 ? 0 : 1);
  const fieldStart = Buffer.from(input, "utf8").toString("utf8", 0, byte).length;
  switch (err.code) {
    case "INVALID_OPENING_QUOTE":
      return { at: from + fieldStart + String(err.field ?? "").length, message: 'a `"` inside an unquoted field (quote the whole field and double the quote)', final: false };
    case "CSV_INVALID_CLOSING_QUOTE": {
      const quoted = /"(?:[^"]|"")*"/y;
      quoted.lastIndex = fieldStart;
      quoted.exec(input);
      return { at: from + quoted.lastIndex, message: "unexpected text after a closing quote", final: false };
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return { at: from + fieldStart, message: "unterminated quoted field", final: true };
    default:
      return { at: from + fieldStart, message: err.message, final: false };
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i !== -1; i = s.indexOf(c, i + 1)) n++;
  return n;
}
