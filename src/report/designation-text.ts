import type { DesignationSummary } from "../result.js";

/**
 * One sentence on what counts as high-risk, for every report that names it (plain text: each
 * format escapes it and labels it its own way): `huawei, zte; lists us-fcc-covered (us-clean-path);
 * unknown vendors count as risky.`
 */
export function highRiskText(d: DesignationSummary): string {
  const who = d.vendors.length > 0 ? d.vendors.join(", ") : "no vendor";
  const extra = [
    d.lists.length ? `lists ${d.lists.join(", ")}` : "",
    d.operators.length ? `operators ${d.operators.join(", ")}` : "",
    d.jurisdictions.length ? `jurisdictions ${d.jurisdictions.join(", ")}` : "",
    d.tags.length ? `tags ${d.tags.join(", ")}` : "",
  ].filter(Boolean);
  const unknown = d.unknownVendor === "risky" ? "unknown vendors count as risky" : "unknown vendors count as clean (listed as unknown)";
  return `${who}${extra.length ? `; ${extra.join("; ")}` : ""} (${d.origin}); ${unknown}.`;
}
