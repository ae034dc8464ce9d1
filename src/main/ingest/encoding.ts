// Bytes of a text file to a string. A monitor's notes come from many machines: UTF-8 with or without
// a byte-order mark, UTF-16 from Windows Notepad, and Windows-1251 from older Russian-language setups.
import chardet from 'chardet';
import { type ImportWarning, warning } from '../../shared/warnings.ts';

export interface DecodedText {
  text: string;
  /** WHATWG encoding label, lower case: "utf-8", "utf-16le", "utf-16be", "windows-1251", … */
  encoding: string;
  /** Set when some bytes could not be decoded. */
  warning?: ImportWarning;
}

function decode(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label).decode(bytes);
}

function supported(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** UTF-16 without a byte-order mark: most high bytes (LE) or low bytes (BE) of ASCII text are zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Decodes text: a byte-order mark decides; then valid UTF-8 is UTF-8 (pure ASCII included), and so
 * is UTF-8 with a few damaged bytes; then the charset the file declares (HTML), then chardet's
 * statistical guess (Windows-1251, KOI8-R, …).
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16 };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const damaged = utf8.match(/\ufffd/g)?.length ?? 0;
  if (damaged === 0) return { text: utf8, encoding: 'utf-8' };
  // UTF-8 with a few broken bytes (a damaged copy) stays UTF-8: a legacy encoding would garble it all.
  // Text really in Windows-1251 or KOI8-R breaks on nearly every Cyrillic letter instead.
  const multibyte = utf8.match(/[\u0080-\ufffc]/g)?.length ?? 0;
  if (damaged <= Math.max(2, utf8.length / 1000) && multibyte > damaged * 20) {
    return {
      text: utf8,
      encoding: 'utf-8',
      warning: warning('DAMAGED_CHARACTERS', { count: damaged }),
    };
  }
  const declaredLabel = declared ? supported(declared) : undefined;
  if (declaredLabel && declaredLabel !== 'utf-8')
    return { text: decode(bytes, declaredLabel), encoding: declaredLabel };
  // chardet ranks candidates; take the best one that Node's TextDecoder knows.
  for (const match of chardet.analyse(bytes.subarray(0, 64 * 1024))) {
    const label = supported(match.name);
    if (label && label !== 'utf-8') return { text: decode(bytes, label), encoding: label };
  }
  return { text: decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
}
