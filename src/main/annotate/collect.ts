// Gathers a dossier's excerpts from the vault in the shape the annotation export writes: codes as
// their path in the code book, entities by name, sources with the hash of their original.
import type { Store } from '../store/index.ts';
import type { ExportExcerpt, ExportLink, ExportSource } from './export.ts';

export interface Collected {
  excerpts: ExportExcerpt[];
  sources: Map<string, ExportSource>;
  /** The dossier's links; the export keeps those whose two excerpts both go out. */
  links: ExportLink[];
}

/** "Trade unions › Registration": a code's name under its ancestors'. */
export function codePaths(
  codes: readonly { id: string; parentId: string | null; name: string }[],
): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  for (const code of codes) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let at: typeof code | undefined = code;
      at && !seen.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    ) {
      seen.add(at.id);
      names.unshift(at.name);
    }
    paths.set(code.id, names.join(' › '));
  }
  return paths;
}

export function collectForExport(store: Store, dossierId: string, sourceId?: string): Collected {
  const paths = codePaths(store.codes.list());
  // A file that leaves the vault names a pseudonymised person or organisation by the pseudonym.
  const names = new Map(store.entities.list().map((e) => [e.id, e.pseudonym?.trim() || e.name]));
  const listed = store.excerpts.list({ dossierId, ...(sourceId ? { sourceId } : {}) });
  const sources = new Map<string, ExportSource>();
  const formats = new Map(listed.map((e) => [e.sourceId, e.sourceFormat]));
  for (const [id, format] of formats) {
    const source = store.sources.get(id);
    if (source) {
      sources.set(id, {
        id,
        title: source.title,
        sha256: source.originalSha256,
        symbol: source.documentSymbol,
        format,
      });
    }
  }
  const excerpts = listed.map(
    (e): ExportExcerpt => ({
      id: e.id,
      sourceId: e.sourceId,
      exact: e.exact,
      prefix: e.prefix,
      suffix: e.suffix,
      start: e.start,
      end: e.end,
      page: e.page,
      note: e.note,
      codes: e.codeIds.map((c) => paths.get(c) ?? c),
      entities: e.entityIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined),
      confidentiality: e.confidentiality,
      stance: e.stance,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    }),
  );
  return { excerpts, sources, links: store.links.forDossier(dossierId) };
}
