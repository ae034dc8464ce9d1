// Stable error codes: the only shape in which failures cross a transport (IPC, bridge, CLI).
// Each code has a default sentence a field monitor understands; handlers may give a more precise one.
// Never put a stack trace, a foreign file path or document text in a message.

export const ERROR_MESSAGES = {
  UNKNOWN_METHOD: 'Upright does not know this request.',
  INVALID_PARAMS: 'The request was incomplete or malformed.',
  UNAUTHORIZED: 'This request was not signed with the session token.',
  FORBIDDEN_HOST: 'Requests are only accepted from this computer.',
  FORBIDDEN_SENDER: 'Requests are only accepted from Upright’s own window.',
  INTERNAL: 'Something went wrong inside Upright. Nothing was changed.',
  CANCELLED: 'The task was cancelled.',
  NOT_FOUND: 'That item no longer exists.',
  VAULT_NOT_FOUND: 'There is no vault at this location.',
  VAULT_EXISTS: 'A vault already exists at this location.',
  VAULT_LOCKED: 'The vault is locked. Unlock it to continue.',
  VAULT_IN_USE: 'This vault is already open in another Upright window or process.',
  VAULT_CORRUPT: 'The vault file is damaged and cannot be opened. Restore it from a backup.',
  VAULT_FROM_FUTURE: 'This vault was written by a newer version of Upright. Update Upright to open it.',
  KEYSLOT_CORRUPT: 'The vault’s key file is damaged. Restore it from a backup.',
  WRONG_PASSPHRASE: 'That passphrase or recovery key does not open this vault.',
  WEAK_PASSPHRASE: 'Choose a longer passphrase: at least 12 characters, ideally several words.',
  BACKUP_FAILED: 'The backup could not be written. The vault itself is unchanged.',
  RECOVERY_KEY_TYPO:
    'That recovery key has a typo: compare each group with your written copy. Letters I, L and O may be typed as 1, 1 and 0.',
  FILE_EMPTY: 'The file is empty.',
  FILE_TOO_LARGE: 'The file is larger than Upright accepts.',
  FILE_DAMAGED: 'The file is damaged or incomplete and cannot be read.',
  UNSUPPORTED_FORMAT:
    'Upright cannot read this kind of file. It imports PDF, Word (.docx), web pages (.html) and text files.',
  PDF_PASSWORD_PROTECTED:
    'The PDF is protected with a password. Remove the protection in a PDF reader, then import it again.',
  PDF_NO_TEXT_LAYER:
    'The PDF is a scanned image with no text layer. Upright has no built-in OCR: run the PDF through an OCR tool first, then import it.',
  ALREADY_IMPORTED: 'This file is already in the dossier.',
  IMPORT_TIMEOUT: 'Reading the file took too long and was stopped. The file may be damaged or unusually complex.',
  IMPORT_TOO_COMPLEX:
    'The file is too complex to read safely: it needed more memory than Upright allows, so reading it was stopped. It may be damaged or made to crash programs.',
  IMPORT_FAILED: 'Reading the file stopped unexpectedly. Nothing from it was imported.',
  DOCX_PASSWORD_PROTECTED:
    'The Word document is protected with a password. Remove the protection in Word or LibreOffice, then import it again.',
  DRAFT_HAS_ERRORS: 'The submission checks found errors. Fix them before exporting, or export anyway.',
  EXPORT_FAILED: 'The file could not be written there. Choose another folder; the draft itself is unchanged.',
  FILE_EXISTS: 'A file of that name is already there. Nothing was written: choose another name, or say to replace it.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The payload that crosses every transport. */
export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
}

/** Thrown by handlers (and re-thrown by API clients) for failures the user should see. */
export class UprightError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'UprightError';
    this.code = code;
  }
  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

/** What every transport answers: a result, or an error payload — never a thrown exception. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

/** Turns an envelope back into a value or a thrown UprightError (client side of every transport). */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  const code = isErrorCode(envelope.error?.code) ? envelope.error.code : 'INTERNAL';
  throw new UprightError(code, envelope.error?.message ?? ERROR_MESSAGES[code]);
}
