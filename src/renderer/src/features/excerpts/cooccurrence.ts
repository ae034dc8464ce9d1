// Which codes meet on the same excerpts — the co-occurrence table qualitative-analysis tools show.
// Pure, so it is tested without a browser.

export interface CoOccurrence {
  codeIds: string[];
  /** counts[i][j]: excerpts carrying both code i and code j (the diagonal: excerpts carrying i). */
  counts: number[][];
}

export function coOccurrence(excerpts: { codeIds: string[] }[], codeIds: string[]): CoOccurrence {
  const index = new Map(codeIds.map((id, i) => [id, i]));
  const counts = codeIds.map(() => codeIds.map(() => 0));
  for (const excerpt of excerpts) {
    const present = [...new Set(excerpt.codeIds)]
      .map((id) => index.get(id))
      .filter((i): i is number => i !== undefined);
    for (const i of present) {
      for (const j of present) {
        const row = counts[i] as number[];
        row[j] = (row[j] ?? 0) + 1;
      }
    }
  }
  return { codeIds, counts };
}
