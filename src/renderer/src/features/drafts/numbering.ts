// Which paragraphs carry a UPR paragraph number and which citation is which note, in document order.
// The rule must match the export's (src/main/export): a paragraph is numbered unless it is marked
// unnumbered, sits inside a list or quotation, or is empty; every citation is its own note.

import type { Node as PmNode } from '@tiptap/pm/model';

export interface Placed {
  /** Position of the node in the document (ProseMirror offsets). */
  pos: number;
  node: PmNode;
  /** 1-based, as printed. */
  number: number;
}

export function countedParagraphs(doc: PmNode): Placed[] {
  const found: Placed[] = [];
  doc.forEach((node, offset) => {
    if (node.type.name === 'paragraph' && node.attrs.numbered !== false && node.childCount > 0) {
      found.push({ pos: offset, node, number: found.length + 1 });
    }
  });
  return found;
}

export function citations(doc: PmNode): Placed[] {
  const found: Placed[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'citation') found.push({ pos, node, number: found.length + 1 });
    return true;
  });
  return found;
}
