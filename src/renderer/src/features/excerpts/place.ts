/** Where an excerpt sits, as lists show it: "Information supplied by the Government (2022), p. 3". */
export function excerptPlace(excerpt: { sourceTitle: string; page: number | null }): string {
  return `${excerpt.sourceTitle}${excerpt.page ? `, p. ${excerpt.page}` : ''}`;
}
