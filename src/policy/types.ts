/** The written policy document types live with the built-in data that uses them. */
export type * from "../data/policy-document.js";
