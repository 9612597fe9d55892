import Table from "cli-table3";
import type { ChalkInstance } from "chalk";
import { safe } from "./context.js";

/*
 * Layout for the terminal formats (the audit table, the plan table): grids of one-line cells,
 * clipping and word-wrapping that count what the terminal shows, not the ANSI codes.
 */

/** Rows per cli-table3 table: its layout grows faster than the rows (8,000 rows took 6 s, 500 take 70 ms). */
const rowsPerBlock = 500;

/**
 * A compact cli-table3 table of one-line cells. Past rowsPerBlock rows it is drawn in blocks
 * with the same column widths, stitched where one block's bottom border meets the next one's top.
 */
export function grid(head: readonly string[], rows: readonly string[][], c: ChalkInstance): string {
  const options = (colWidths?: number[], withHead = true) => ({
    ...(withHead ? { head: [...head] } : {}),
    ...(colWidths ? { colWidths } : {}),
    style: { head: c.level > 0 ? ["bold"] : [], border: c.level > 0 ? ["gray"] : [], compact: true },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  if (rows.length <= rowsPerBlock) {
    const t = new Table(options());
    t.push(...rows);
    return t.toString();
  }
  // Never narrower than cli-table3 would make them: a wide character counts 2, padding 1 each side.
  const colWidths = head.map((h) => cellWidth(h) + 2);
  for (const row of rows) row.forEach((cell, j) => (colWidths[j] = Math.max(colWidths[j]!, cellWidth(cell) + 2)));
  const blocks: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerBlock) {
    const t = new Table(options(colWidths, i === 0));
    t.push(...rows.slice(i, i + rowsPerBlock));
    const lines = t.toString().split("\n");
    blocks.push(lines.slice(i === 0 ? 0 : 1, i + rowsPerBlock < rows.length ? -1 : undefined).join("\n"));
  }
  return blocks.join("\n");
}

/** Columns a one-line cell takes at most: colour codes take none, characters from U+1100 up may take two. */
export function cellWidth(text: string): number {
  let n = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, "")) n += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return n;
}

/** Untrusted text made safe and cut to `n` characters, an ellipsis marking the cut. */
export function clip(s: string, n: number): string {
  const t = safe(s);
  return t.length <= n ? t : t.slice(0, n - 1) + "…";
}

/** Characters shown, colour codes left out. */
export const visible = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, "").length;

/** Word-wraps `text` (which may start with its own indentation) to `width`; later lines get `indent`. */
export function wrap(text: string, width: number, indent: string): string {
  const lead = /^ */.exec(text)![0];
  const words = text.slice(lead.length).split(" ");
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() !== "" && visible(line) + 1 + visible(w) > width) {
      lines.push(line);
      line = indent + w;
    } else line += (line.trim() === "" ? "" : " ") + w;
  }
  lines.push(line);
  return lines.join("\n");
}
