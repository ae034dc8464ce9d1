// A CSV file's bytes to text. Tables of recommendations come from the UN's database (UTF-8, often
// with a byte-order mark from Excel) and from older Russian-language setups (Windows-1251).

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Whether the file began with a byte-order mark (which is not part of the text). */
  bom: boolean;
}

/**
 * A byte-order mark decides; then text that is valid UTF-8 is UTF-8; otherwise it is a one-byte
 * Windows code page: Windows-1251 when its high bytes come in runs, as the letters of Cyrillic words
 * do (0xC0–0xFF, with ё/Ё), else Windows-1252, whose accented letters sit between ASCII ones.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: a one-byte code page.
  }
  const letter = (byte: number | undefined) => byte !== undefined && (byte >= 0xc0 || byte === 0xa8 || byte === 0xb8);
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte < 0x80) continue;
    high++;
    if (letter(byte) && (letter(bytes[i - 1]) || letter(bytes[i + 1]))) inRuns++;
  }
  const encoding: CsvEncoding = high > 0 && inRuns >= high * 0.5 ? 'windows-1251' : 'windows-1252';
  return { text: new TextDecoder(encoding).decode(bytes), encoding, bom: false };
}
