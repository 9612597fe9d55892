import { createHash } from "node:crypto";
import { esc } from "./escape.js";

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/**
 * Nothing may load from anywhere (default-src 'none'), and only our own stylesheet and script
 * run, pinned by hash: even if some text slipped through escaping, it could neither execute nor
 * make a request. Without a script, none runs at all.
 */
export function contentSecurityPolicy(css: string, script?: string): string {
  const scripts = script === undefined ? "'none'" : `'sha256-${sha256(script)}'`;
  return `default-src 'none'; style-src 'sha256-${sha256(css)}'; script-src ${scripts}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** `Clean-path audit: a.yaml, b.yaml and 2 more`: what the document is, and of which files. */
export function documentTitle(what: string, inputs: readonly { file: string }[]): string {
  const names = inputs.map((i) => i.file.split(/[\\/]/).pop() ?? i.file);
  return names.length > 0 ? `${what}: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}` : what;
}

/** What a self-contained report page is made of; every string but `heading` is HTML already. */
export interface PageParts {
  /** The title and first heading (plain text: escaped here). */
  heading: string;
  /** The version in the generator meta tag. */
  version: string;
  /** The line under the heading. */
  sub: string;
  /** The section links: [fragment id, label]. */
  nav: readonly (readonly [string, string])[];
  sections: readonly string[];
  /** The footer's paragraphs. */
  footer: readonly string[];
  css: string;
  script?: string;
}

/** One self-contained HTML document: inline stylesheet (and script), pinned by the CSP. */
export function htmlPage(p: PageParts): string {
  const nav = p.nav.map(([id, label]) => `<a href="#${id}">${esc(label)}</a>`).join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(p.css, p.script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cleanpath ${esc(p.version)}">
<title>${esc(p.heading)}</title>
<style>${p.css}</style>
</head>
<body>
<header class="doc-head"><h1>${esc(p.heading)}</h1><p class="sub">${p.sub}</p></header>
<nav class="toc" aria-label="Sections">${nav}</nav>
<main>
${p.sections.join("\n")}
</main>
<footer>${p.footer.map((f) => `<p>${f}</p>`).join("")}</footer>
${p.script === undefined ? "" : `<script>${p.script}</script>\n`}</body>
</html>
`;
}
