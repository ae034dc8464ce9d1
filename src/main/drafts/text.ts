// Text fit for XML and HTML: Word refuses a document holding a control character or a lone
// surrogate half, and one pasted from a PDF must not make the whole export fail.

function allowed(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdfff) return false; // half of a surrogate pair, alone
  return code !== 0xfffe && code !== 0xffff;
}

export function xmlSafe(text: string): string {
  let clean = true;
  for (const ch of text) {
    if (!allowed(ch.codePointAt(0) as number)) {
      clean = false;
      break;
    }
  }
  if (clean) return text;
  let out = '';
  for (const ch of text) if (allowed(ch.codePointAt(0) as number)) out += ch;
  return out;
}
