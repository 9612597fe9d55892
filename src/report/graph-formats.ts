import type { FormatRegistry } from "./context.js";
import { toDot } from "./graph-dot.js";
import { toMermaid } from "./graph-mermaid.js";
import type { Diagram } from "./graph-model.js";
import { svgDocument } from "./graphviz.js";

/** What `cleanpath graph` draws: a diagram and its title. */
export interface Drawing {
  diagram: Diagram;
  title: string;
}

/** The formats of `cleanpath graph`; svg is laid out by Graphviz, given in the context. */
export const graphRegistry: FormatRegistry<Drawing> = {
  noun: "graph",
  reporters: {
    dot: (d) => toDot(d.diagram, d.title),
    mermaid: (d) => toMermaid(d.diagram),
    svg: (d, ctx) => {
      if (!ctx.graphviz) throw new Error("svg needs Graphviz in the report context");
      return svgDocument(ctx.graphviz(toDot(d.diagram, d.title)));
    },
  },
  graphviz: ["svg"],
};
