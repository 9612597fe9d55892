// Paths of the shared third-party datasets (../shared/datasets, see its README).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

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

/** An ImportFile for a dataset file, named relative to the datasets folder. */
export function datasetFile(path: string): { file: string; text: string } {
  return { file: relative(datasets, path), text: readFileSync(path, "utf8") };
}
