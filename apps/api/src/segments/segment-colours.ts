/** Colours given to new segments, in order; a new segment takes the first one no live segment uses. */
export const SEGMENT_COLOURS = [
  '#2563eb',
  '#16a34a',
  '#dc2626',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4f46e5',
  '#65a30d',
  '#0d9488',
  '#7c3aed',
];

/** Picks `count` colours, unused ones first, cycling when all are taken. */
export function pickColours(used: readonly string[], count: number): string[] {
  const taken = new Set(used);
  const free = SEGMENT_COLOURS.filter((c) => !taken.has(c));
  return Array.from({ length: count }, (_, i) => free[i] ?? SEGMENT_COLOURS[i % SEGMENT_COLOURS.length]!);
}

/** A default segment name from its generated description: "high intent · high fit" → "High intent · high fit". */
export function nameFromDescription(description: string): string {
  return description.charAt(0).toUpperCase() + description.slice(1);
}
