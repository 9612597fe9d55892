import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { errorAt, InputError } from "../../diagnostics.js";
import { defaultProfile, nextSteps, scaffold } from "../../init/index.js";
import { version } from "../../version.js";
import { writeFileAtomic } from "../files.js";
import type { CommandModule } from "./index.js";

export const initCommand: CommandModule = (command, ctx) => {
  command
    .description(
      "Write a starter topology (network.yaml) that validates and audits as it is, a policy (policy.yaml) extending a built-in profile, and a GitHub Actions workflow (.github/workflows/cleanpath.yml) that runs the audit and uploads SARIF to code scanning. Never overwrites: when any of these files exists, nothing is written (exit code 2).",
    )
    .argument("[dir]", "folder to write into (created if missing)", ".")
    .option("-p, --profile <id>", "built-in profile the policy extends", defaultProfile)
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  cleanpath init\n" +
        "  cleanpath init network-audit --profile uk-dvd-2022\n" +
        "  cleanpath init . --profile mx-core-border",
    )
    .action((dir: string, flags: { profile: string }) => {
      const files = scaffold(flags.profile, version);
      const root = resolve(ctx.io.cwd, dir);
      const targets = files.map((f) => ({ ...f, full: join(root, f.path) }));
      // Check every target before writing any, so a refusal leaves the folder as it was.
      const existing = targets.filter((t) => existsSync(t.full));
      if (existing.length > 0) {
        throw new InputError(
          existing.map((t) => errorAt("E_EXISTS", `${join(dir, t.path)} already exists; cleanpath init never overwrites (nothing was written)`)),
        );
      }
      for (const t of targets) {
        mkdirSync(dirname(t.full), { recursive: true });
        writeFileAtomic(t.full, t.text, { overwrite: false });
      }
      const width = Math.max(...targets.map((t) => join(dir, t.path).length));
      ctx.io.stdout(
        `cleanpath init: wrote\n${targets.map((t) => `  ${join(dir, t.path).padEnd(width)}  ${t.what}`).join("\n")}\n\nNext:\n${nextSteps(dir)
          .map((s) => `  ${s}`)
          .join("\n")}\n`,
      );
      ctx.exitCode = 0;
    });
};
