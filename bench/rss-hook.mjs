// Loaded with `node --import` into every measured process: on exit it writes the process's peak
// resident set size (kilobytes, from the kernel via resourceUsage) to the file named by
// CLEANPATH_BENCH_RSS_FILE, so the bench measures memory without external tools.
import { writeFileSync } from "node:fs";

const file = process.env.CLEANPATH_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
