import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { getHeapStatistics } from "node:v8";
import { type Diagnostic, errorAt, InputError, warningAt } from "../diagnostics.js";
import type { RunHost } from "../run/host.js";

/** The real file system, with paths shown relative to the working folder. */
export function nodeHost(cwd: string): RunHost {
  return {
    cwd,
    heapLimitBytes: heapLimitBytes(),
    readFile: (p) => readFileSync(p),
    stat: (p) => {
      const s = statSync(p);
      return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
    },
    realpath: (p) => realpathSync(p),
    display: (p) => displayPath(cwd, p),
    expandInputs: (args, warn) => expandInputs(args, cwd, warn),
    listFolder: (p) => readdirSync(p),
    exists: (p) => existsSync(p),
    fileId: (p) => {
      try {
        const s = statSync(p, { bigint: true });
        return `${s.dev}:${s.ino}`;
      } catch {
        return undefined;
      }
    },
  };
}

/** A path as the user should see it: relative to `cwd` with `/`, unless it lies outside. */
export function displayPath(cwd: string, p: string): string {
  const abs = isAbsolute(p) ? p : resolve(cwd, p);
  const rel = relative(cwd, abs);
  // Near the working folder (at most two levels up) a relative path reads better and stays clickable.
  const ups = rel.split(sep).filter((p) => p === "..").length;
  const shown = rel === "" ? "." : isAbsolute(rel) || ups > 2 ? abs : rel;
  return shown.split(sep).join("/");
}

export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

const topologyFile = /\.(ya?ml|json)$/i;

/** A file to load, and whether it was named by the user or found in a folder. */
export interface InputFile {
  path: string;
  fromFolder: boolean;
}

/**
 * Command-line arguments → files. A folder means the *.yaml, *.yml and *.json files directly in
 * it (not its subfolders), sorted; among those, files that are not cleanpath documents (no
 * `cleanpath:` key near the top: CI configs, vendor maps) are skipped with a warning. A file
 * named on the command line is always read.
 */
export function expandInputs(args: readonly string[], cwd: string, warn?: (d: Diagnostic) => void): string[] {
  const out: string[] = [];
  const problems: Diagnostic[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      problems.push(errorAt("E_READ", `${arg}: no such file or folder`));
      continue;
    }
    if (!st.isDirectory()) {
      out.push(abs);
      continue;
    }
    const found = readdirSync(abs, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith(".") && topologyFile.test(e.name))
      .map((e) => join(abs, e.name))
      .sort();
    const docs = found.filter((f) => {
      if (looksLikeCleanpath(f)) return true;
      warn?.(warningAt("W_SKIPPED", `${displayPath(cwd, f)} is not a cleanpath file (no \`cleanpath:\` key at the top level): skipped`));
      return false;
    });
    if (docs.length === 0) problems.push(errorAt("E_READ", `${arg}: no cleanpath files (.yaml, .yml, .json) in this folder`));
    out.push(...docs);
  }
  if (problems.length > 0) throw new InputError(problems);
  return [...new Set(out)];
}

/** Cheap check on the first 64 KB: a top-level `cleanpath` key (YAML or JSON). */
function looksLikeCleanpath(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return /(^|[{,]\s*)"?cleanpath"?\s*:/m.test(buf.subarray(0, n).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

/** The process's clock and working folder, for the library facade (src/index.ts). */
export const systemClock = {
  now: (): Date => new Date(),
  cwd: (): string => process.cwd(),
};
