/** Keys a selector may use (SPEC §4). Each value is one string or a list (any of). */
export const selectorKeys = ["id", "role", "vendor", "operator", "site", "country", "region", "tag"] as const;
export type SelectorKey = (typeof selectorKeys)[number];
export type SelectorObject = Partial<Record<SelectorKey, string | string[]>>;
/** A bare string is an element id. */
export type Selector = string | SelectorObject;
