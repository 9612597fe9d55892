// A small, fast YAML writer for topology documents: block layout at the top, one flow map per
// site, element and link (`- {id: r1, role: core, vendor: Nokia}`), so that a 10^5-element
// import stays readable line by line and diffs well. Any scalar YAML could misread is written
// double-quoted (JSON escapes are valid YAML escapes).

// Plain scalars must start with a letter, `_` or `/`, use only id-like characters, and have
// single inner spaces; anything else (numbers, dates, indicators, `: `, ` #`) gets quoted.
const plainRe = /^[\p{L}_/][\p{L}\p{N}_./@+-]*(?: [\p{L}\p{N}_./@+()-]+)*$/u;
// Words YAML 1.1 or 1.2 parsers read as booleans or null.
const reservedWords = new Set(["null", "true", "false", "yes", "no", "on", "off", "y", "n"]);
// Characters outside YAML's printable set, and line separators some parsers honour.
const unprintableRe = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const lineBreakRe = /\r\n|[\r\n\u0085\u2028\u2029]/g;

function escapeUnprintable(ch: string): string {
  return "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");
}

/** A string as a YAML scalar: plain when it cannot be misread, else double-quoted. */
export function yamlString(s: string): string {
  if (plainRe.test(s) && !reservedWords.has(s.toLowerCase())) return s;
  return JSON.stringify(s).replace(unprintableRe, escapeUnprintable);
}

function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} as a topology number`);
  return Object.is(n, -0) ? "-0" : String(n);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Any JSON-like value in YAML flow style, on one line. */
export function yamlFlow(v: unknown): string {
  switch (typeof v) {
    case "string":
      return yamlString(v);
    case "number":
      return yamlNumber(v);
    case "boolean":
      return v ? "true" : "false";
    case "object": {
      if (v === null) return "null";
      if (Array.isArray(v)) return "[" + v.map(yamlFlow).join(", ") + "]";
      const parts: string[] = [];
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (item !== undefined) parts.push(`${yamlString(key)}: ${yamlFlow(item)}`);
      }
      return "{" + parts.join(", ") + "}";
    }
    default:
      throw new Error(`cannot write a ${typeof v} as YAML`);
  }
}

/** One comment line; line breaks and unprintable characters cannot escape the comment. */
export function yamlComment(text: string): string {
  const clean = text.replace(lineBreakRe, " ").replace(/[\u0000-\u0008\u000b-\u001f]/g, escapeUnprintable).replace(unprintableRe, escapeUnprintable);
  return clean === "" ? "#" : `# ${clean}`;
}

/**
 * The document as YAML: `header` lines as comments, then each top-level key in order; arrays
 * become block sequences and maps of objects block maps, each item a flow map on its own line.
 */
export function emitYaml(doc: object, header: readonly string[] = []): string {
  const out: string[] = header.map(yamlComment);
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    const k = yamlString(key);
    if (Array.isArray(value) && value.length > 0) {
      out.push(`${k}:`);
      for (const item of value) out.push(`  - ${yamlFlow(item)}`);
    } else if (isPlainObject(value) && Object.keys(value).length > 0) {
      out.push(`${k}:`);
      for (const [sub, item] of Object.entries(value)) {
        if (item !== undefined) out.push(`  ${yamlString(sub)}: ${yamlFlow(item)}`);
      }
    } else {
      out.push(`${k}: ${yamlFlow(value)}`);
    }
  }
  return out.join("\n") + "\n";
}
