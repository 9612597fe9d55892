/**
 * Graphviz, compiled to WebAssembly (@viz-js/viz), draws every diagram: `graph --format svg` and
 * the HTML report's pair diagrams, so a DOT file and its picture never disagree. Its module starts
 * asynchronously while reporters are synchronous functions, so whoever renders awaits
 * `loadGraphviz()` (about 40 ms) and hands the renderer to the reporters in their context
 * (`ReportContext.graphviz`). Once loaded, rendering is synchronous and deterministic.
 */

/** DOT in, an SVG fragment (no prolog, no comments, no ids) out. */
export type DotRenderer = (dot: string) => string;

/** Loads Graphviz and returns its renderer. */
export async function loadGraphviz(): Promise<DotRenderer> {
  const { instance } = await import("@viz-js/viz");
  const viz = await instance();
  return (dot) => {
    const r = viz.render(dot, { format: "svg", engine: "dot" });
    if (r.status !== "success") {
      // We write the DOT ourselves: a syntax error here is a bug, not bad input.
      throw new Error(`Graphviz could not draw a diagram: ${r.errors.map((e) => e.message).join("; ")}`);
    }
    return trimSvg(r.output);
  };
}

/**
 * Graphviz's SVG made fit to inline many times in one page: no XML prolog or DOCTYPE, no comments,
 * no ids (they would repeat across diagrams), and the synthetic node names in `<title>` replaced
 * by the tooltips we wrote, so hovering shows the reasons.
 */
export function trimSvg(svg: string): string {
  const start = svg.indexOf("<svg");
  return svg
    .slice(start < 0 ? 0 : start)
    .replace(/<!--[\s\S]*?-->\n?/g, "")
    .replace(/<title>[^<]*<\/title>\n?/g, "")
    .replace(/<a xlink:title="([^"]*)">/g, "<title>$1</title>")
    .replace(/<\/a>\n?/g, "")
    .replace(/ id="[^"]*"/g, "")
    .trimEnd();
}

/** A standalone SVG file (what `graph --format svg` writes). */
export function svgDocument(fragment: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${fragment}\n`;
}
