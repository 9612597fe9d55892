import { posix } from "node:path";

/** `C:\a\b` → `C:/a/b`; POSIX paths unchanged. */
function slashes(p: string): string {
  return p.replace(/\\/g, "/");
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || /^[A-Za-z]:\//.test(p);
}

/**
 * A result's file path as CI systems want it: relative to the repository (`baseDir`), with `/`,
 * no leading `/` or `./`. Returns `absolute` for a file outside `baseDir` (or an absolute path
 * without a `baseDir`), which only a `file://` URI can name.
 */
export function repoPath(file: string, baseDir?: string): { relative: string } | { absolute: string } {
  const f = slashes(file);
  if (!isAbsolutePath(f)) {
    const norm = posix.normalize(f);
    if (!norm.startsWith("../") && norm !== "..") return { relative: norm === "." ? "" : norm };
    if (baseDir === undefined) return { relative: norm };
    return { absolute: posix.join(slashes(baseDir), norm) };
  }
  if (baseDir !== undefined) {
    const rel = posix.relative(slashes(baseDir), f);
    if (rel !== "" && !rel.startsWith("../") && rel !== ".." && !isAbsolutePath(rel)) return { relative: rel };
  }
  return { absolute: f };
}

/** Percent-encodes each path segment so that spaces, `%`, `#` or `?` in a file name stay one valid URI reference. */
export function encodePath(path: string): string {
  return path
    .split("/")
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

/** The path to show in annotations and test reports: repository-relative when possible. */
export function displayRepoPath(file: string, baseDir?: string): string {
  const p = repoPath(file, baseDir);
  return "relative" in p ? p.relative : p.absolute;
}
