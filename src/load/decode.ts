import { constants, isAscii } from "node:buffer";
import { errorAt, InputError } from "../diagnostics.js";
import { offsetToLocation } from "./positions.js";

/**
 * Bytes → text, refusing what would otherwise parse into garbage: UTF-16/32 (which a UTF-8
 * decoder reads without complaint), invalid UTF-8 (often a Latin-1 file), and control or
 * bidirectional-override characters (which can hide text from a reviewer). A UTF-8 BOM is
 * dropped so that columns on line 1 stay right. A file that may decode to more characters than
 * the longest string V8 can build (`maxChars`; a saved result of a 10^6-hop path is 620 MB) is
 * refused, not left to crash the decoder.
 */
export function decodeText(file: string, bytes: Uint8Array, options: { json?: boolean; maxChars?: number } = {}): string {
  const maxChars = options.maxChars ?? constants.MAX_STRING_LENGTH;
  if (bytes.length > maxChars) {
    const mib = (n: number): string => `${Math.round(n / 1048576).toLocaleString("en-US")} MiB`;
    throw new InputError([
      errorAt(
        "E_TOO_LARGE",
        `the file is ${mib(bytes.length)}, more than the ${mib(maxChars)} of text Node.js can hold in one string: split a topology into files joined by \`include:\`; a result this large cannot be rendered again (audit the topology with the format you need)`,
        { file, line: 1, column: 1 },
      ),
    ]);
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    const kind = b0 === 0 || (b0 === 0xff && bytes[2] === 0 && bytes[3] === 0) ? "UTF-32" : "UTF-16";
    throw new InputError([
      errorAt("E_ENCODING", `the file is ${kind}; save it as UTF-8`, { file, line: 1, column: 1 }),
    ]);
  }
  if (looksLikeUtf16WithoutBom(bytes)) {
    throw new InputError([
      errorAt("E_ENCODING", "the file looks like UTF-16 (every other byte is zero); save it as UTF-8", { file, line: 1, column: 1 }),
    ]);
  }
  let text: string;
  if (isAscii(bytes)) {
    // Most topology files are pure ASCII: copy the bytes into a one-byte string (no decoding),
    // and only C0 controls and DEL can be present (bidi controls are not ASCII).
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    if (options.json) {
      // JSON itself refuses raw C0 controls (other than tab, LF and CR between tokens): a file
      // holding one fails to parse, and `reportControlChar` then names it. Only DEL is legal
      // JSON, and one native search finds it, instead of a pattern over every byte.
      const del = text.indexOf("\x7F");
      if (del >= 0) throw controlError(file, text, del);
      return text;
    }
    const control = asciiControls.exec(text);
    if (control) throw controlError(file, text, control.index);
    return text;
  }
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, at));
    const loc = offsetToLocation(file, prefix.charCodeAt(0) === 0xfeff ? prefix.slice(1) : prefix, prefix.length);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new InputError([
      errorAt("E_ENCODING", `invalid UTF-8 byte 0x${byte} (is the file Latin-1 or Windows-1252?); save it as UTF-8`, loc),
    ]);
  }
  if (options.json) {
    // As above, C0 controls are left to the JSON parser; DEL and the bidi controls are found in
    // the bytes with native searches (a pattern over a 150 MB two-byte string costs far more).
    const at = firstJsonControlByte(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (at >= 0) throw controlError(file, text, new TextDecoder("utf-8").decode(bytes.subarray(0, at)).length);
    return text;
  }
  const control = firstControlChar(text);
  if (control >= 0) throw controlError(file, text, control);
  return text;
}

/**
 * Byte offset of the first DEL or bidi control in valid UTF-8, or -1. In UTF-8 the bidi
 * controls are D8 9C (U+061C), E2 80 8E/8F (U+200E/F), E2 80 AA–AE (U+202A–E) and
 * E2 81 A6–A9 (U+2066–9).
 */
export function firstJsonControlByte(bytes: Buffer): number {
  let first = bytes.indexOf(0x7f);
  const better = (at: number): void => {
    if (first < 0 || at < first) first = at;
  };
  for (let i = bytes.indexOf(0xe2); i !== -1 && (first < 0 || i < first); i = bytes.indexOf(0xe2, i + 1)) {
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2] ?? 0;
    if ((b1 === 0x80 && (b2 === 0x8e || b2 === 0x8f || (b2 >= 0xaa && b2 <= 0xae))) || (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9)) {
      better(i);
      break;
    }
  }
  for (let i = bytes.indexOf(0xd8); i !== -1 && (first < 0 || i < first); i = bytes.indexOf(0xd8, i + 1)) {
    if (bytes[i + 1] === 0x9c) {
      better(i);
      break;
    }
  }
  return first;
}

/** For a JSON file that failed to parse: throws the located control-character error if the text has one. */
export function reportControlChar(file: string, text: string): void {
  const at = firstControlChar(text);
  if (at >= 0) throw controlError(file, text, at);
}

function controlError(file: string, text: string, at: number): InputError {
  const code = text.charCodeAt(at);
  const what = code >= 0x200e || code === 0x61c ? "a bidirectional text control character" : "a control character";
  return new InputError([
    errorAt("E_CONTROL_CHAR", `${what} (U+${code.toString(16).toUpperCase().padStart(4, "0")}) is not allowed; remove it`, offsetToLocation(file, text, at)),
  ]);
}

const asciiControls = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

// C0 controls other than tab, line feed and carriage return; DEL; bidi embeddings, overrides,
// isolates and marks (the "Trojan Source" characters).
const controlChars = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function firstControlChar(text: string): number {
  const m = controlChars.exec(text);
  return m ? m.index : -1;
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64);
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? evenZeros++ : oddZeros++);
  const half = n / 2;
  return evenZeros > half * 0.7 || oddZeros > half * 0.7;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 3;
      min = 0x10000;
    } else return i;
    if (i + len >= n) return i;
    let cp = b & (0x3f >> len);
    for (let k = 1; k <= len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len + 1;
  }
  return n;
}

/** The text without its UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
