/**
 * A selector with the host UI generation it targets. Each role lists alternatives, newest first;
 * they are joined, so a board in any listed generation is recognised.
 */
export interface Alternative {
  css: string;
  generation: string;
}

export const anyOf = (alternatives: readonly Alternative[]): string => alternatives.map((a) => a.css).join(', ');

/** Every role of a host's selector set as one CSS string. */
export function compile<K extends string>(set: Record<K, readonly Alternative[]>): Record<K, string> {
  return Object.fromEntries(Object.entries<readonly Alternative[]>(set).map(([role, alternatives]) => [role, anyOf(alternatives)])) as Record<K, string>;
}

/** Text safe inside a double-quoted CSS attribute value: [data-id="…"]. */
export const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;
