// Stable error codes: the only shape in which failures cross a transport (IPC, bridge, CLI).
// A failure travels as { code, params }; the renderer words it in the person's language from the
// message catalogs (ids error.<CODE>), the CLI in English. Never put a stack trace, a foreign file
// path or document text in params.
import { formatText } from './i18n/catalogs.ts';
import { defineMessages, type MessageParams } from './i18n/define.ts';

export const ERROR_MESSAGES = defineMessages({
  UNKNOWN_METHOD: { id: 'error.UNKNOWN_METHOD', defaultMessage: 'Upright does not know this request.' },
  INVALID_PARAMS: { id: 'error.INVALID_PARAMS', defaultMessage: 'The request was incomplete or malformed.' },
  UNAUTHORIZED: { id: 'error.UNAUTHORIZED', defaultMessage: 'This request was not signed with the session token.' },
  FORBIDDEN_HOST: { id: 'error.FORBIDDEN_HOST', defaultMessage: 'Requests are only accepted from this computer.' },
  FORBIDDEN_SENDER: {
    id: 'error.FORBIDDEN_SENDER',
    defaultMessage: 'Requests are only accepted from Upright’s own window.',
  },
  INTERNAL: { id: 'error.INTERNAL', defaultMessage: 'Something went wrong inside Upright. Nothing was changed.' },
  CANCELLED: { id: 'error.CANCELLED', defaultMessage: 'The task was cancelled.' },
  NOT_FOUND: { id: 'error.NOT_FOUND', defaultMessage: 'That item no longer exists.' },
  VAULT_NOT_FOUND: { id: 'error.VAULT_NOT_FOUND', defaultMessage: 'There is no vault at this location.' },
  VAULT_EXISTS: { id: 'error.VAULT_EXISTS', defaultMessage: 'A vault already exists at this location.' },
  VAULT_LOCKED: { id: 'error.VAULT_LOCKED', defaultMessage: 'The vault is locked. Unlock it to continue.' },
  VAULT_IN_USE: {
    id: 'error.VAULT_IN_USE',
    defaultMessage: 'This vault is already open in another Upright window or process.',
  },
  VAULT_CORRUPT: {
    id: 'error.VAULT_CORRUPT',
    defaultMessage: 'The vault file is damaged and cannot be opened. Restore it from a backup.',
  },
  VAULT_FROM_FUTURE: {
    id: 'error.VAULT_FROM_FUTURE',
    defaultMessage: 'This vault was written by a newer version of Upright. Update Upright to open it.',
  },
  KEYSLOT_CORRUPT: {
    id: 'error.KEYSLOT_CORRUPT',
    defaultMessage: 'The vault’s key file is damaged. Restore it from a backup.',
  },
  WRONG_PASSPHRASE: {
    id: 'error.WRONG_PASSPHRASE',
    defaultMessage: 'That passphrase or recovery key does not open this vault.',
  },
  WEAK_PASSPHRASE: {
    id: 'error.WEAK_PASSPHRASE',
    defaultMessage: 'Choose a longer passphrase: at least 12 characters, ideally several words.',
  },
  BACKUP_FAILED: {
    id: 'error.BACKUP_FAILED',
    defaultMessage: 'The backup could not be written. The vault itself is unchanged.',
  },
  RECOVERY_KEY_TYPO: {
    id: 'error.RECOVERY_KEY_TYPO',
    defaultMessage:
      'That recovery key has a typo: compare each group with your written copy. Letters I, L and O may be typed as 1, 1 and 0.',
  },
  FILE_EMPTY: { id: 'error.FILE_EMPTY', defaultMessage: 'The file is empty.' },
  FILE_TOO_LARGE: { id: 'error.FILE_TOO_LARGE', defaultMessage: 'The file is larger than Upright accepts.' },
  FILE_DAMAGED: { id: 'error.FILE_DAMAGED', defaultMessage: 'The file is damaged or incomplete and cannot be read.' },
  UNSUPPORTED_FORMAT: {
    id: 'error.UNSUPPORTED_FORMAT',
    defaultMessage:
      'Upright cannot read this kind of file. It imports PDF, Word (.docx), web pages (.html) and text files.',
  },
  PDF_PASSWORD_PROTECTED: {
    id: 'error.PDF_PASSWORD_PROTECTED',
    defaultMessage:
      'The PDF is protected with a password. Remove the protection in a PDF reader, then import it again.',
  },
  PDF_NO_TEXT_LAYER: {
    id: 'error.PDF_NO_TEXT_LAYER',
    defaultMessage:
      'The PDF is a scanned image with no text layer. Upright has no built-in OCR: run the PDF through an OCR tool first, then import it.',
  },
  ALREADY_IMPORTED: { id: 'error.ALREADY_IMPORTED', defaultMessage: 'This file is already in the dossier.' },
  IMPORT_TIMEOUT: {
    id: 'error.IMPORT_TIMEOUT',
    defaultMessage: 'Reading the file took too long and was stopped. The file may be damaged or unusually complex.',
  },
  IMPORT_TOO_COMPLEX: {
    id: 'error.IMPORT_TOO_COMPLEX',
    defaultMessage:
      'The file is too complex to read safely: it needed more memory than Upright allows, so reading it was stopped. It may be damaged or made to crash programs.',
  },
  IMPORT_FAILED: {
    id: 'error.IMPORT_FAILED',
    defaultMessage: 'Reading the file stopped unexpectedly. Nothing from it was imported.',
  },
  DOCX_PASSWORD_PROTECTED: {
    id: 'error.DOCX_PASSWORD_PROTECTED',
    defaultMessage:
      'The Word document is protected with a password. Remove the protection in Word or LibreOffice, then import it again.',
  },
  DRAFT_HAS_ERRORS: {
    id: 'error.DRAFT_HAS_ERRORS',
    defaultMessage: 'The submission checks found errors. Fix them before exporting, or export anyway.',
  },
  EXPORT_FAILED: {
    id: 'error.EXPORT_FAILED',
    defaultMessage: 'The file could not be written there. Choose another folder; the draft itself is unchanged.',
  },
  FILE_EXISTS: {
    id: 'error.FILE_EXISTS',
    defaultMessage:
      'A file of that name is already there. Nothing was written: choose another name, or say to replace it.',
  },
});

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The payload that crosses every transport: a code and the values its message needs. */
export interface ApiErrorPayload {
  code: ErrorCode;
  params?: MessageParams;
  /** English wording, for logs and older clients only; people read the code in their language. */
  message?: string;
}

/** Thrown by handlers (and re-thrown by API clients) for failures the user should see. */
export class UprightError extends Error {
  readonly code: ErrorCode;
  readonly params: MessageParams;
  /**
   * `params` fill the code's message. A string is an older, English-only precise sentence (being
   * replaced by codes of their own); it stays in `message` and the renderer falls back to the code.
   */
  constructor(code: ErrorCode, params?: MessageParams | string) {
    super(typeof params === 'string' ? params : formatText('en', ERROR_MESSAGES[code], params ?? {}));
    this.name = 'UprightError';
    this.code = code;
    this.params = typeof params === 'string' || params === undefined ? {} : params;
  }
  toPayload(): ApiErrorPayload {
    return { code: this.code, params: this.params, message: this.message };
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
  const error = new UprightError(code, envelope.error?.params ?? {});
  if (typeof envelope.error?.message === 'string' && envelope.error.message !== '')
    error.message = envelope.error.message;
  throw error;
}
