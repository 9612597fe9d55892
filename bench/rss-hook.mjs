// Loaded with `node --import` into every measured process: on exit it writes the process's peak
// resident set size (kilobytes, from the kernel via resourceUsage) to the file named by
// CLEANPATH_BENCH_RSS_FILE, so the bench measures memory without external tools.
import { readFileSync, writeFileSync } from "node:fs";

const file = process.env.CLEANPATH_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    // A cleanpath that ran the command in a child process (a tuned heap for a large input) finds
    // the child's peak already written: both processes were alive together, so count both.
    let child = 0;
    try {
      child = Number(readFileSync(file, "utf8")) || 0;
    } catch {}
    writeFileSync(file, `${process.resourceUsage().maxRSS + child}\n`);
  });
}
