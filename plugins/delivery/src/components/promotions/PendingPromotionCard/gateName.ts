const GATE_NAMES: Record<string, string> = { github: 'GitHub' };

/** The name of the deployment system a gated promotion came from, as people call it. */
export function gateName(source: string): string {
  return GATE_NAMES[source] ?? source;
}
