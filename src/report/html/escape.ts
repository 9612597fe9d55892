import { safe } from "../context.js";

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Untrusted text (ids, names, messages, country names from the atlas) made inert in HTML text
 * and in quoted attributes: control characters replaced, then `& < > " '` written as entities.
 */
export function esc(text: string | number): string {
  return safe(String(text)).replace(/[&<>"']/g, (ch) => entities[ch]!);
}

/** `n` followed by the noun, pluralised: `1 pair`, `3 pairs`. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : many}`;
}

/** An http(s) URL to link to, or undefined: anything else (javascript:, data:…) stays plain text. */
export function linkable(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}
