// Paths of the shared third-party datasets (../shared/datasets, see its README).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { ImportFile } from "../../src/import/types.js";
import { decodeSource, type SourceText } from "../../src/load/index.js";

// `../shared` from the repository root, as in every worktree.
export const datasets = join(import.meta.dirname, "..", "..", "..", "shared", "datasets");

/** Every file under `dir` (recursively) whose name matches `re`, sorted. */
export function filesUnder(dir: string, re: RegExp): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (re.test(name)) out.push(p);
    }
  }
  return out.sort();
}

/** A dataset file as an importer gets it (decoded by load/, as `import` decodes it), named relative to the datasets folder. */
export function datasetFile(path: string): SourceText {
  return decodeSource(relative(datasets, path), readFileSync(path));
}

/** A dataset file as `importTopology` takes it: its bytes, named relative to the datasets folder. */
export function datasetInput(path: string): ImportFile {
  return { file: relative(datasets, path), bytes: readFileSync(path) };
}

/** Text written in a test, as `importTopology` and `parseVendorMap` take a file: UTF-8 bytes. */
export function inputOf(file: string, text: string): ImportFile {
  return { file, bytes: Buffer.from(text, "utf8") };
}
