// Small pure helpers for the entity screens: aliases typed as one line, looking an entity up by any
// of its names, and the highlighted words of a mention snippet.
import { type Entity, MATCH_END, MATCH_START } from '../../../../shared/api.ts';
import { foldName } from '../../../../shared/domain.ts';

/** "MLSPP, МТСЗН ,, Ministry" → ["MLSPP", "МТСЗН", "Ministry"]. */
export function parseAliases(line: string): string[] {
  return line
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The entity a typed name means: one whose name matches first, else one with that alias. */
export function findByName(entities: Entity[], typed: string): Entity | null {
  const key = foldName(typed);
  if (!key) return null;
  return (
    entities.find((e) => foldName(e.name) === key) ??
    entities.find((e) => e.aliases.some((a) => foldName(a) === key)) ??
    null
  );
}

/** A mention snippet split into plain and matched parts (matches sit between MATCH_START and MATCH_END). */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const chunk of snippet.split(MATCH_START)) {
    const [matched, rest] = chunk.includes(MATCH_END) ? chunk.split(MATCH_END, 2) : [null, chunk];
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
