import { ruleTester, type TestElement } from "./tester.js";

/** `n` elements of a vendor for an operator, ids `${op}-${tag}${i}`. */
function many(op: string, vendor: string | undefined, n: number, tag: string, extra: Partial<TestElement> = {}): TestElement[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${op}-${tag}${i + 1}`, role: "ran" as const, ...(vendor ? { vendor } : {}), operator: op, ...extra }));
}

ruleTester("diversity", {
  valid: [
    { name: "60% is allowed under a 60% limit", net: { elements: [...many("a", "Nokia", 3, "n"), ...many("a", "Ericsson", 2, "e")] }, rule: { diversity: { maxVendorShare: "60%" } } },
    {
      name: "aliases and legal names count as one vendor, per operator",
      net: { elements: [...many("a", "Nokia", 1, "n"), ...many("a", "Nokia Solutions and Networks", 1, "m"), ...many("a", "Ericsson", 2, "e"), ...many("b", "ZTE", 1, "z"), ...many("b", "Samsung", 1, "s")] },
      rule: { diversity: { maxVendorShare: "50%", per: "operator" } },
    },
    {
      name: "passive and out-of-service elements do not count",
      net: { elements: [...many("a", "Nokia", 1, "n"), ...many("a", "Ericsson", 1, "e"), ...many("a", "Nokia", 3, "p", { passive: true }), ...many("a", "Nokia", 3, "o", { state: "out-of-service" })] },
      rule: { diversity: { maxVendorShare: "50%" } },
    },
    {
      name: "by weight",
      net: { elements: [...many("a", "Nokia", 1, "n", { weight: 5 }), ...many("a", "Ericsson", 2, "e", { weight: 2.5 })] },
      rule: { diversity: { maxVendorShare: "50%", measure: "weight" } },
    },
  ],
  invalid: [
    {
      name: "a shared element counts for each of its operators",
      net: { elements: [{ id: "s1", role: "ran", vendor: "Nokia", operator: ["a", "b"] }, { id: "a-e1", role: "ran", vendor: "Ericsson", operator: "a" }, { id: "b-n1", role: "ran", vendor: "Nokia", operator: "b" }] },
      rule: { diversity: { maxVendorShare: "60%", per: "operator" } },
      findings: [{ level: "error", items: ["s1", "b-n1"], message: /^operator b: vendor nokia has 2 of 2 elements \(100%\)/, details: { group: "b", vendorTotal: 2, total: 2 } }],
    },
    {
      name: "a large group lists what must move and the next ones, up to 1,000 items, and counts the rest",
      net: { elements: [...many("a", "Nokia", 1500, "n"), ...many("a", "Ericsson", 500, "e")] },
      rule: { diversity: { maxVendorShare: "50%" } },
      findings: [
        {
          level: "error",
          items: Array.from({ length: 1000 }, (_, i) => `a-n${i + 1}`),
          details: { vendorTotal: 1500, total: 2000, mustReplace: 500, itemsNotListed: 500 },
        },
      ],
    },
    {
      name: "every element that must move is listed, even past 1,000",
      net: { elements: [...many("a", "Nokia", 3000, "n"), ...many("a", "Ericsson", 100, "e")] },
      rule: { diversity: { maxVendorShare: "50%" } },
      findings: [
        {
          level: "error",
          items: Array.from({ length: 1450 }, (_, i) => `a-n${i + 1}`),
          details: { vendorTotal: 3000, total: 3100, mustReplace: 1450, itemsNotListed: 1550 },
        },
      ],
    },
    {
      name: "one vendor over the limit in one operator",
      net: { elements: [...many("a", "Nokia", 1, "n"), ...many("a", "Ericsson", 1, "e"), ...many("b", "Huawei", 3, "h"), ...many("b", "Nokia", 1, "n")] },
      rule: { diversity: { maxVendorShare: "50%", per: "operator" } },
      findings: [
        {
          level: "error",
          items: ["b-h1", "b-h2", "b-h3"],
          message: /^operator b: vendor huawei has 3 of 4 elements \(75%\), above the 50% limit; move at least 1 element to other vendors$/,
          details: { group: "b", vendor: "huawei", share: 0.75, maxVendorShare: 0.5, vendorTotal: 3, total: 4, mustReplace: 1 },
          location: { line: 7 },
        },
      ],
    },
    {
      name: "every element without a registered vendor is one vendor: unknown",
      net: { elements: [...many("a", "Acme", 1, "x"), ...many("a", undefined, 1, "y"), ...many("a", "Nokia", 1, "n")] },
      rule: { diversity: { maxVendorShare: "60%" } },
      findings: [{ level: "error", items: ["a-x1", "a-y1"], message: /vendor unknown \(every element without a registered vendor\)/, details: { vendor: "unknown", vendorTotal: 2 } }],
    },
    {
      name: "a single-vendor network",
      net: { elements: many("a", "Ericsson", 4, "e") },
      rule: { diversity: { maxVendorShare: 0.5 } },
      findings: [{ level: "error", items: ["a-e1", "a-e2", "a-e3", "a-e4"], details: { share: 1, mustReplace: 2 } }],
    },
    {
      name: "by weight: move the heaviest",
      net: { elements: [...many("a", "Nokia", 1, "big", { weight: 6 }), ...many("a", "Nokia", 2, "small", { weight: 1 }), ...many("a", "Ericsson", 1, "e", { weight: 2 })] },
      rule: { diversity: { maxVendorShare: "50%", measure: "weight" } },
      findings: [{ level: "error", items: ["a-big1", "a-small1", "a-small2"], details: { vendorTotal: 8, total: 10, mustReplace: 1 } }],
    },
    {
      name: "several vendors over a low limit, per country",
      net: {
        sites: [{ id: "be", country: "BE" }, { id: "nl", country: "NL" }],
        elements: [...many("a", "Nokia", 2, "n", { site: "be" }), ...many("a", "Ericsson", 2, "e", { site: "be" }), ...many("b", "Nokia", 1, "n", { site: "nl" }), ...many("b", "Ericsson", 1, "e", { site: "nl" }), ...many("b", "Samsung", 1, "s", { site: "nl" })],
      },
      rule: { diversity: { maxVendorShare: "40%", per: "country" } },
      findings: [
        { level: "error", items: ["a-e1", "a-e2"], details: { group: "BE", vendor: "ericsson" } },
        { level: "error", items: ["a-n1", "a-n2"], details: { group: "BE", vendor: "nokia" } },
      ],
    },
  ],
});
