// RFC 4180 CSV with positions: quoted fields (with "" escapes and line breaks), CRLF or LF,
// an optional byte-order mark, and `,` `;` or tab as the separator (taken from the header line).
import { InputError, type Diagnostic } from "../diagnostics.js";

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

function separatorOf(text: string, start: number): string {
  let end = text.indexOf("\n", start);
  if (end === -1) end = text.length;
  const first = text.slice(start, end).replace(/"[^"]*"/g, "");
  if (first.includes(",")) return ",";
  if (first.includes(";")) return ";";
  if (first.includes("\t")) return "\t";
  return ",";
}

/** Parses a CSV file whose first non-empty row is the header; blank lines are ignored. */
export function parseCsv(file: string, text: string): CsvTable {
  const errors: Diagnostic[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = separatorOf(text, pos);
  const rows: CsvCell[][] = [];
  let line = 1;
  let lineStart = pos;
  let row: CsvCell[] = [];
  const len = text.length;
  while (pos <= len) {
    const cell: CsvCell = { value: "", line, column: pos - lineStart + 1 };
    if (text[pos] === '"') {
      let value = "";
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          errors.push({ code: "E_CSV", severity: "error", message: "unterminated quoted field", location: { file, line: cell.line, column: cell.column } });
          pos = len;
          break;
        }
        const chunk = text.slice(from, q);
        for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", nl + 1)) {
          line++;
          lineStart = from + nl + 1;
        }
        value += chunk;
        if (text[q + 1] === '"') {
          value += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      cell.value = value;
      const next = text[pos];
      if (next !== undefined && next !== sep && next !== "\n" && next !== "\r") {
        errors.push({ code: "E_CSV", severity: "error", message: "unexpected text after a closing quote", location: { file, line, column: pos - lineStart + 1 } });
        while (pos < len && text[pos] !== sep && text[pos] !== "\n") pos++;
      }
    } else {
      let end = pos;
      while (end < len && text[end] !== sep && text[end] !== "\n" && text[end] !== "\r") end++;
      cell.value = text.slice(pos, end);
      const quote = cell.value.indexOf('"');
      if (quote !== -1) errors.push({ code: "E_CSV", severity: "error", message: 'a `"` inside an unquoted field (quote the whole field and double the quote)', location: { file, line, column: cell.column + quote } });
      pos = end;
    }
    row.push(cell);
    if (text[pos] === sep) {
      pos++;
      continue;
    }
    if (text[pos] === "\r") pos++;
    if (!(row.length === 1 && row[0]!.value === "")) rows.push(row);
    row = [];
    pos++;
    line++;
    lineStart = pos;
  }
  if (errors.length > 0) throw new InputError(errors);
  const header = rows.shift();
  if (!header) throw new InputError([{ code: "E_CSV", severity: "error", message: "empty file: a header row is required", location: { file, line: 1, column: 1 } }]);
  return { file, header, rows };
}
