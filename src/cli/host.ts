import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { getHeapStatistics } from "node:v8";
import { errorAt, InputError } from "../diagnostics.js";
import type { LoadHost } from "../load/index.js";

/** The real file system, with paths shown relative to the working folder. */
export function nodeHost(cwd: string): LoadHost {
  return {
    readFile: (p) => readFileSync(p),
    stat: (p) => {
      const s = statSync(p);
      return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory() };
    },
    realpath: (p) => realpathSync(p),
    display: (p) => displayPath(cwd, p),
  };
}

/** A path as the user should see it: relative to `cwd` with `/`, unless it lies outside. */
export function displayPath(cwd: string, p: string): string {
  const abs = isAbsolute(p) ? p : resolve(cwd, p);
  const rel = relative(cwd, abs);
  const shown = rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
  return shown.split(sep).join("/");
}

export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

const topologyFile = /\.(ya?ml|json)$/i;

/**
 * Command-line arguments → absolute file paths. A folder means every *.yaml, *.yml and *.json
 * file under it (hidden folders and node_modules skipped), sorted for stable output.
 */
export function expandInputs(args: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const problems = [];
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
    const found = walk(abs);
    if (found.length === 0) problems.push(errorAt("E_READ", `${arg}: no .yaml, .yml or .json files in this folder`));
    out.push(...found);
  }
  if (problems.length > 0) throw new InputError(problems);
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) stack.push(p);
      else if (entry.isFile() && topologyFile.test(entry.name)) out.push(p);
    }
  }
  return out.sort();
}
