const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A translated sentence with some of its values in bold, wherever the language places them. */
export function Emphasised({ text, values }: { text: string; values: string[] }) {
  const parts = text.split(new RegExp(`(${values.map(escaped).join('|')})`));
  // Splitting on a captured pattern leaves the values at the odd positions.
  return <>{parts.map((part, index) => (index % 2 ? <strong key={index}>{part}</strong> : part))}</>;
}
