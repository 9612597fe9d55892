// Types of scripts/import-graph.mjs, for the architecture test.

export interface ImportEdge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

export const allowedEdges: Record<string, readonly string[]>;
export function layerOf(file: string): string;
export function importEdges(): ImportEdge[];
export function violations(edges?: readonly ImportEdge[]): ImportEdge[];
