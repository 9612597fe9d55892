import { lists } from "../../data/lists.js";
import { profiles } from "../../data/profiles.js";
import type { Source } from "../../data/types.js";
import { errorAt, InputError } from "../../diagnostics.js";
import { VendorRegistry } from "../../vendors/registry.js";
import type { RuleDeclaration } from "../../policy/types.js";
import { closest } from "../../suggest.js";
import type { CommandModule } from "./index.js";

function cite(s: Source): string {
  return `${s.title} (${s.date})${s.url ? ` ${s.url}` : ""}${s.confidence ? " [unverified]" : ""}`;
}

function ruleLine(r: RuleDeclaration): string {
  const kind = (["forbid", "cap", "diversity", "deadline", "noNewAfter"] as const).find((k) => r[k] !== undefined)!;
  const body = JSON.stringify(r[kind]).replace(/"/g, "").replace(/,/g, ", ").replace(/:/g, ": ");
  return `  - ${r.id} (${kind}${r.level === "warning" ? ", warning" : ""}${r.from ? `, from ${r.from}` : ""}): ${r.description ?? ""}\n      ${kind} ${body}${r.source ? `\n      source: ${cite(r.source)}` : ""}`;
}

export const profilesCommand: CommandModule = (command, ctx) => {
  command
    .argument("[name]", "a profile to show in full")
    .option("--json", "print as JSON")
    .addHelpText("after", "\nExamples:\n  cleanpath profiles\n  cleanpath profiles uk-dvd-2022\n  cleanpath audit topo/ --policy uk-dvd-2022\n")
    .action((name: string | undefined, opts: { json?: boolean }) => {
      if (name === undefined) {
        if (opts.json) return ctx.io.stdout(JSON.stringify(profiles.map((p) => ({ id: p.id, title: p.title, jurisdiction: p.jurisdiction, rules: p.policy.rules?.length ?? 0 })), null, 2) + "\n");
        const w = Math.max(...profiles.map((p) => p.id.length));
        for (const p of profiles) ctx.io.stdout(`${p.id.padEnd(w)}  ${p.jurisdiction.padEnd(3)} ${p.title} (${p.policy.rules?.length ?? 0} rules)\n`);
        ctx.io.stdout("\nShow one with `cleanpath profiles NAME`; use one with `--policy NAME` or `extends: [NAME]`.\n");
        return;
      }
      const p = profiles.find((x) => x.id === name);
      if (!p) {
        const guess = closest(name, profiles.map((x) => x.id));
        throw new InputError([errorAt("E_UNKNOWN_PROFILE", `\`${name}\` is not a built-in profile${guess ? ` — did you mean \`${guess}\`?` : ""} (see \`cleanpath profiles\`)`)]);
      }
      if (opts.json) return ctx.io.stdout(JSON.stringify(p, null, 2) + "\n");
      const risk = p.policy.risk ?? {};
      const out = [
        `${p.id}: ${p.title} [${p.jurisdiction}]`,
        "",
        p.summary,
        "",
        "High-risk:",
        `  vendors: ${risk.vendors?.join(", ") || "-"}`,
        ...(risk.lists?.length ? [`  lists: ${risk.lists.join(", ")}`] : []),
        ...(risk.operators?.length ? [`  operators: ${risk.operators.join(", ")}`] : []),
        ...(risk.jurisdictions?.length ? [`  jurisdictions: ${risk.jurisdictions.join(", ")}`] : []),
        "",
        `Rules (${p.policy.rules?.length ?? 0}):`,
        ...(p.policy.rules ?? []).map(ruleLine),
        "",
        "Sources:",
        ...p.sources.map((s) => `  - ${cite(s)}`),
      ];
      ctx.io.stdout(out.join("\n") + "\n");
    });
};

export const vendorsCommand: CommandModule = (command, ctx) => {
  command
    .argument("[query]", "a vendor name, alias or legal name (any spelling)")
    .option("--json", "print as JSON")
    .addHelpText("after", "\nExamples:\n  cleanpath vendors\n  cleanpath vendors hisilicon\n  cleanpath vendors \"Nokia Solutions and Networks Oy\"\n")
    .action((query: string | undefined, opts: { json?: boolean }) => {
      const registry = new VendorRegistry();
      const designatedBy = (id: string): string[] =>
        [
          ...lists.filter((l) => l.entries.some((e) => e.id === id)).map((l) => `${l.id} (added ${l.entries.find((e) => e.id === id)!.added})`),
          ...profiles.filter((p) => p.policy.risk?.vendors?.includes(id)).map((p) => `profile ${p.id}`),
        ];
      if (query === undefined) {
        const entries = registry.entries();
        if (opts.json) return ctx.io.stdout(JSON.stringify(entries, null, 2) + "\n");
        const w = Math.max(...entries.map((e) => e.id.length));
        for (const e of entries) {
          const d = designatedBy(e.id);
          ctx.io.stdout(`${e.id.padEnd(w)}  ${e.country}  ${e.name}${e.parents?.length ? ` (part of ${e.parents.map((p) => p.vendor).join(", ")}${e.parents.some((p) => p.validTo) ? " until a date" : ""})` : ""}${d.length ? `  — designated: ${d.join(", ")}` : ""}\n`);
        }
        return;
      }
      const e = registry.lookup(query);
      if (!e) {
        const guess = registry.suggest(query);
        throw new InputError([errorAt("E_UNKNOWN_VENDOR", `\`${query}\` is not in the registry${guess ? ` — did you mean \`${guess}\`?` : ""}; a topology can declare it under \`vendors:\``)]);
      }
      if (opts.json) return ctx.io.stdout(JSON.stringify({ ...e, designatedBy: designatedBy(e.id) }, null, 2) + "\n");
      const out = [
        `${e.name} (${e.id}) — ${e.country}`,
        `  legal names: ${e.legalNames.join("; ") || "-"}`,
        `  aliases: ${e.aliases.join(", ") || "-"}`,
        ...(e.containerlabKinds?.length ? [`  containerlab kinds: ${e.containerlabKinds.join(", ")}`] : []),
        ...(e.parents ?? []).map((p) => `  ${p.relationship} of ${p.vendor}${p.validFrom ? ` from ${p.validFrom}` : ""}${p.validTo ? ` until ${p.validTo}` : ""}: ${p.sources.map(cite).join("; ")}`),
        `  designated by: ${designatedBy(e.id).join(", ") || "no built-in list (but by any policy that names it or a parent)"}`,
        "  sources:",
        ...e.sources.map((s) => `    - ${cite(s)}`),
      ];
      ctx.io.stdout(out.join("\n") + "\n");
    });
};
