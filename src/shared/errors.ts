// Stable error codes: the only shape in which failures cross a transport (IPC, bridge, CLI).
// A failure travels as { code, params }; the renderer words it in the person's language from the
// message catalogs (ids error.<CODE>), the CLI in English. Never put a stack trace, a foreign file
// path or document text in params.
import { formatText } from './i18n/catalogs.ts';
import { defineMessages, type MessageParams } from './i18n/define.ts';

export const ERROR_MESSAGES = defineMessages({
  UNKNOWN_METHOD: { id: 'error.UNKNOWN_METHOD', defaultMessage: 'Upright does not know this request.' },
  INVALID_PARAMS: {
    id: 'error.INVALID_PARAMS',
    defaultMessage: 'The request was incomplete or malformed ({fields}).',
    description: 'fields: the names of the request’s fields that were wrong, e.g. "name, dossierId"',
  },
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
  VAULT_DAMAGE_FOUND: {
    id: 'error.VAULT_DAMAGE_FOUND',
    defaultMessage:
      'The last full check of this vault, run while Upright was idle, found damage. Choose “Verify vault” for details; if it confirms the damage, restore the vault from a backup.',
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
  // Precise refusals: each names what went wrong and what to do. Params hold numbers, names of
  // things (kinds, extensions) or a name the person typed themselves — never text from a document.
  DOSSIER_NOT_FOUND: { id: 'error.DOSSIER_NOT_FOUND', defaultMessage: 'This dossier no longer exists.' },
  SOURCE_NOT_FOUND: { id: 'error.SOURCE_NOT_FOUND', defaultMessage: 'This source no longer exists.' },
  SOURCE_NO_ORIGINAL: {
    id: 'error.SOURCE_NO_ORIGINAL',
    defaultMessage: 'This source has no stored original file, so it cannot be read again or saved.',
  },
  EXCERPT_NOT_FOUND: { id: 'error.EXCERPT_NOT_FOUND', defaultMessage: 'This excerpt no longer exists.' },
  LINK_NOT_FOUND: { id: 'error.LINK_NOT_FOUND', defaultMessage: 'This link between excerpts no longer exists.' },
  LINK_TO_ITSELF: {
    id: 'error.LINK_TO_ITSELF',
    defaultMessage: 'An excerpt cannot be linked to itself. Pick another excerpt.',
  },
  LINK_EXISTS: {
    id: 'error.LINK_EXISTS',
    defaultMessage: 'These two excerpts are already linked this way. Change the kind or pick another excerpt.',
  },
  LINK_ACROSS_DOSSIERS: {
    id: 'error.LINK_ACROSS_DOSSIERS',
    defaultMessage: 'Only excerpts of the same dossier can be linked.',
  },
  CODE_NOT_FOUND: { id: 'error.CODE_NOT_FOUND', defaultMessage: 'This code no longer exists.' },
  LIST_CURSOR_INVALID: {
    id: 'error.LIST_CURSOR_INVALID',
    defaultMessage:
      'This list changed its shape or the request mixed up two lists. Open the list again from its start.',
  },
  ENTITY_NOT_FOUND: { id: 'error.ENTITY_NOT_FOUND', defaultMessage: 'This entity no longer exists.' },
  DRAFT_NOT_FOUND: { id: 'error.DRAFT_NOT_FOUND', defaultMessage: 'This draft no longer exists.' },
  DRAFT_TABLE_SHAPE: {
    id: 'error.DRAFT_TABLE_SHAPE',
    defaultMessage: 'Every row of the table needs {columns, plural, one {# cell} other {# cells}}, one per column.',
  },
  TIMELINE_EMPTY: {
    id: 'error.TIMELINE_EMPTY',
    defaultMessage: 'No event of this dossier matches these filters: nothing was added to the draft.',
  },
  EXCERPT_NOT_A_CLAIM: {
    id: 'error.EXCERPT_NOT_A_CLAIM',
    defaultMessage:
      'This excerpt is not a claim, denial or acknowledgement by the State. Set its stance in the reader first.',
  },
  EVENT_NOT_FOUND: { id: 'error.EVENT_NOT_FOUND', defaultMessage: 'This event no longer exists.' },
  EVENT_DATE_UNREADABLE: {
    id: 'error.EVENT_DATE_UNREADABLE',
    defaultMessage:
      'That date could not be read. Write a day, a month or a year ("3 July 2011", "July 2011", "2011"), a range ("July to December 2011", "2009–15") or "since 2018".',
  },
  EVIDENCE_FROM_OTHER_DOSSIER: {
    id: 'error.EVIDENCE_FROM_OTHER_DOSSIER',
    defaultMessage: 'That excerpt belongs to another dossier. An event’s evidence comes from its own dossier.',
  },
  RECOMMENDATION_NOT_FOUND: {
    id: 'error.RECOMMENDATION_NOT_FOUND',
    defaultMessage: 'This recommendation is no longer in the tracker.',
  },
  RECOMMENDATION_TEXT_NEEDED: {
    id: 'error.RECOMMENDATION_TEXT_NEEDED',
    defaultMessage: 'Type the recommendation’s words.',
  },
  RECOMMENDATION_EVIDENCE_ELSEWHERE: {
    id: 'error.RECOMMENDATION_EVIDENCE_ELSEWHERE',
    defaultMessage: 'That excerpt belongs to another dossier. A recommendation’s evidence comes from its own dossier.',
  },
  DRAFT_VERSION_NOT_FOUND: {
    id: 'error.DRAFT_VERSION_NOT_FOUND',
    defaultMessage: 'This version of the draft no longer exists.',
  },
  LINKED_CODE_GONE: {
    id: 'error.LINKED_CODE_GONE',
    defaultMessage: 'One of the codes no longer exists. Nothing was changed.',
  },
  LINKED_ENTITY_GONE: {
    id: 'error.LINKED_ENTITY_GONE',
    defaultMessage: 'One of the entities no longer exists. Nothing was changed.',
  },
  SELECTION_OUTSIDE_TEXT: {
    id: 'error.SELECTION_OUTSIDE_TEXT',
    defaultMessage: 'The selection lies outside the text of this source. Select it again.',
  },
  SELECTION_EMPTY: { id: 'error.SELECTION_EMPTY', defaultMessage: 'The selection is empty. Select some words first.' },
  SELECTION_BLANK: {
    id: 'error.SELECTION_BLANK',
    defaultMessage: 'The selection holds only spaces. Select some words first.',
  },
  SUGGESTION_STALE: {
    id: 'error.SUGGESTION_STALE',
    defaultMessage: 'This suggestion no longer applies: the text or its excerpts changed.',
  },
  SUGGESTION_OF_OTHER_SOURCE: {
    id: 'error.SUGGESTION_OF_OTHER_SOURCE',
    defaultMessage: 'That is not a suggestion of this source.',
  },
  CODE_NAME_TAKEN: {
    id: 'error.CODE_NAME_TAKEN',
    defaultMessage: 'There is already a code named “{name}” here.',
    description: 'name: the code name the person typed',
  },
  CODE_UNDER_ITSELF: {
    id: 'error.CODE_UNDER_ITSELF',
    defaultMessage: 'A code cannot be moved under itself or one of its sub-codes.',
  },
  CODE_MERGE_INTO_ITSELF: {
    id: 'error.CODE_MERGE_INTO_ITSELF',
    defaultMessage: 'A code cannot be merged into itself.',
  },
  CODE_MERGE_INTO_SUBCODE: {
    id: 'error.CODE_MERGE_INTO_SUBCODE',
    defaultMessage: 'A code cannot be merged into one of its own sub-codes.',
  },
  CODE_MOVE_TO_ITSELF: {
    id: 'error.CODE_MOVE_TO_ITSELF',
    defaultMessage: 'Choose another code to move the excerpts to.',
  },
  ENTITY_NAME_NEEDED: { id: 'error.ENTITY_NAME_NEEDED', defaultMessage: 'An entity needs a name.' },
  ENTITY_NAME_TAKEN: {
    id: 'error.ENTITY_NAME_TAKEN',
    defaultMessage:
      'There is already {kind, select, person {a person} organisation {an organisation} place {a place} legal_provision {a legal provision} instrument {an international instrument} other {an entity}} named “{name}”.',
    description:
      'kind: the entity kind (person, organisation, place, legal_provision, instrument); name: the name the person typed',
  },
  ENTITY_MERGE_INTO_ITSELF: {
    id: 'error.ENTITY_MERGE_INTO_ITSELF',
    defaultMessage: 'An entity cannot be merged into itself.',
  },
  SEARCH_QUERY_INVALID: {
    id: 'error.SEARCH_QUERY_INVALID',
    defaultMessage:
      '{reason, select, empty {Type some words to search for.} unclosed_quote {A quotation mark is not closed: close the phrase with a second one.} unbalanced_parenthesis {A parenthesis is not closed, or closes one that was never opened.} other {AND, OR and NOT need words on both sides (NOT cannot start a search).}}',
    description:
      'reason: empty, unclosed_quote, unbalanced_parenthesis or missing_term (an operator without words beside it)',
  },
  RENDITION_OF_ITSELF: { id: 'error.RENDITION_OF_ITSELF', defaultMessage: 'A source cannot be a rendition of itself.' },
  RENDITION_OTHER_DOSSIER: {
    id: 'error.RENDITION_OTHER_DOSSIER',
    defaultMessage: 'Only sources of the same dossier can be linked as renditions.',
  },
  SAVE_PATH_FROM_DIALOG: {
    id: 'error.SAVE_PATH_FROM_DIALOG',
    defaultMessage: 'The app chooses where to save through its save dialog.',
  },
  AUTO_LOCK_OUT_OF_RANGE: {
    id: 'error.AUTO_LOCK_OUT_OF_RANGE',
    defaultMessage: 'Auto-lock must be a whole number of minutes from {min} to {max}.',
  },
  RECOVERY_KEY_LENGTH: {
    id: 'error.RECOVERY_KEY_LENGTH',
    defaultMessage:
      'A recovery key has {expected} letters and digits; this one has {actual}. Compare it with your written copy.',
  },
  KEYSLOT_MISSING: {
    id: 'error.KEYSLOT_MISSING',
    defaultMessage: 'The vault’s key file is missing or unreadable. Restore it from a backup.',
  },
  VAULT_DATABASE_MISSING: {
    id: 'error.VAULT_DATABASE_MISSING',
    defaultMessage: 'The vault’s database file is missing. Restore it from a backup.',
  },
  BACKUP_INSIDE_VAULT: {
    id: 'error.BACKUP_INSIDE_VAULT',
    defaultMessage: 'Choose a folder outside the vault for the backup.',
  },
  BACKUP_FOLDER_NOT_EMPTY: {
    id: 'error.BACKUP_FOLDER_NOT_EMPTY',
    defaultMessage: 'Choose a new or empty folder for the backup.',
  },
  TASK_CANCELLED: {
    id: 'error.TASK_CANCELLED',
    defaultMessage:
      '{task, select, backup {The backup was cancelled; no partial copy was left behind.} verify {The check was cancelled before it finished.} other {The task was cancelled.}}',
    description: 'task: which vault task was cancelled (backup or verify)',
  },
  VAULT_TASK_RUNNING: {
    id: 'error.VAULT_TASK_RUNNING',
    defaultMessage:
      '{running, select, backup {A backup is running.} verify {A check of the vault is running.} other {Another vault task is running.}} Wait for it to finish, or cancel it first.',
    description: 'running: the task already running (backup or verify)',
  },
  VERIFY_FAILED: {
    id: 'error.VERIFY_FAILED',
    defaultMessage:
      'The check stopped while {step, select, pages {reading the database pages} audit {following the audit log} originals {reading the stored originals} other {starting}} and could not finish. Nothing was changed; try again, and if it fails again restore the vault from a backup.',
    description: 'step: what the check was doing when it stopped (pages, audit, originals, or start)',
  },
  IMPORT_ALREADY_RUNNING: {
    id: 'error.IMPORT_ALREADY_RUNNING',
    defaultMessage: 'An import with this task id is already running.',
  },
  FILE_OVER_LIMIT: {
    id: 'error.FILE_OVER_LIMIT',
    defaultMessage: 'The file is {size, number} MiB; Upright imports files up to {limit, number} MiB.',
    description: 'size and limit in mebibytes, with one decimal at most',
  },
  FILE_UNREADABLE: { id: 'error.FILE_UNREADABLE', defaultMessage: 'The file could not be read from the disk.' },
  FILE_NO_TEXT: { id: 'error.FILE_NO_TEXT', defaultMessage: 'The file contains no text.' },
  FILE_IS_ZIP: {
    id: 'error.FILE_IS_ZIP',
    defaultMessage:
      '{promised, select, pdf {This file is named .{extension} but is not really a PDF: it is a ZIP archive.} docx {This file is named .{extension} but is not really a Word document: it is a ZIP archive.} other {This file is a ZIP archive.}} Unpack it and import the documents inside.',
    description:
      'promised: the format the file name promises (pdf, docx or none); extension: the file name’s extension',
  },
  FILE_IS_OTHER_KIND: {
    id: 'error.FILE_IS_OTHER_KIND',
    defaultMessage:
      '{promised, select, pdf {This file is named .{extension} but is not really a PDF: it is} docx {This file is named .{extension} but is not really a Word document: it is} other {This file is}} {kind, select, odt {an OpenDocument text (.odt). Save it as .docx, then import it.} xlsx {an Excel spreadsheet. Upright imports PDF, Word (.docx), web pages (.html) and text files.} pptx {a PowerPoint presentation. Save it as PDF, then import it.} doc {an old Word 97–2003 document (.doc). Open it in Word or LibreOffice, save it as .docx, then import it.} rtf {a Rich Text (.rtf) file. Save it as .docx, then import it.} program {a program, not a document. Upright imports PDF, Word (.docx), web pages (.html) and text files.} image {an image. Upright has no built-in OCR: run it through an OCR tool and import the text.} archive {a compressed archive. Unpack it and import the documents inside.} other {of a kind Upright cannot read. It imports PDF, Word (.docx), web pages (.html) and text files.}}',
    description: 'promised: pdf, docx or none; extension: the file name’s extension; kind: what the file really is',
  },
  FILE_NAME_PROMISES_MORE: {
    id: 'error.FILE_NAME_PROMISES_MORE',
    defaultMessage:
      'This file is named .{extension} but {promised, select, pdf {is not really a PDF: its content is unrecognisable} docx {is not really a Word document: its content is unrecognisable} other {does not contain text}}. It may be damaged.',
  },
  FILE_IS_SAVED_ERROR_PAGE: {
    id: 'error.FILE_IS_SAVED_ERROR_PAGE',
    defaultMessage:
      'This file is named .{extension} but is not really {promised, select, pdf {a PDF} other {a Word document}}: it contains {content, select, html {a web page} other {plain text}}, perhaps an error page saved by a failed download. Download the document again.',
  },
  DOCX_INCOMPLETE: {
    id: 'error.DOCX_INCOMPLETE',
    defaultMessage: 'The Word file is incomplete (it may have been cut off while copying or downloading).',
  },
  DOCX_NO_TEXT_PART: {
    id: 'error.DOCX_NO_TEXT_PART',
    defaultMessage: 'The file is not a complete Word document: its text part is missing.',
  },
  DOCX_DAMAGED: { id: 'error.DOCX_DAMAGED', defaultMessage: 'The Word file is damaged and its text cannot be read.' },
  DOCX_EXPANDS_TOO_MUCH: {
    id: 'error.DOCX_EXPANDS_TOO_MUCH',
    defaultMessage:
      'The Word file expands to more than {limit, number} MiB when opened, far more than any real document, so it was not read. It may be damaged or made to crash programs.',
  },
  PDF_DAMAGED: {
    id: 'error.PDF_DAMAGED',
    defaultMessage: 'The PDF is damaged or incomplete (it may have been cut off while copying or downloading).',
  },
  PDF_TOO_MANY_PAGES: {
    id: 'error.PDF_TOO_MANY_PAGES',
    defaultMessage:
      'The PDF claims {pages, number} pages; Upright reads PDFs of up to {limit, number} pages. It may be damaged or made to crash programs.',
  },
  HTML_TOO_DEEP: {
    id: 'error.HTML_TOO_DEEP',
    defaultMessage:
      'The page nests its elements more than {limit, number} levels deep, which no real page does, so it was not read. It may be damaged or made to crash programs.',
  },
  // Bundles: each refusal says what went wrong; nothing was written when one is given.
  COLLEAGUE_NOT_FOUND: { id: 'error.COLLEAGUE_NOT_FOUND', defaultMessage: 'This colleague is no longer in the list.' },
  COLLEAGUE_KEY_TAKEN: {
    id: 'error.COLLEAGUE_KEY_TAKEN',
    defaultMessage: 'A colleague with this public key is already in the list.',
  },
  COLLEAGUE_IS_YOU: {
    id: 'error.COLLEAGUE_IS_YOU',
    defaultMessage: 'This is your own vault’s public key. Paste the key your colleague shared with you.',
  },
  AGE_KEY_INVALID: {
    id: 'error.AGE_KEY_INVALID',
    defaultMessage:
      'That is not a public key. A public key starts with “age1” and has 62 letters and digits; copy it again from your colleague’s Settings › Team.',
  },
  BUNDLE_NO_RECIPIENT: {
    id: 'error.BUNDLE_NO_RECIPIENT',
    defaultMessage: 'Choose at least one colleague to encrypt the bundle to, or give it a passphrase.',
  },
  BUNDLE_DAMAGED: {
    id: 'error.BUNDLE_DAMAGED',
    defaultMessage:
      'The bundle is damaged, cut short or was changed after it was made, so it was refused. Nothing was imported. Ask for it to be sent again.',
  },
  BUNDLE_NOT_A_BUNDLE: {
    id: 'error.BUNDLE_NOT_A_BUNDLE',
    defaultMessage: 'This file is not an Upright bundle. Nothing was imported.',
  },
  BUNDLE_NOT_FOR_YOU: {
    id: 'error.BUNDLE_NOT_FOR_YOU',
    defaultMessage:
      'This bundle was encrypted for someone else’s key, not this vault’s. Nothing was imported. Send your colleague your public key (Settings › Team) and ask for a new bundle.',
  },
  BUNDLE_PASSPHRASE_NEEDED: {
    id: 'error.BUNDLE_PASSPHRASE_NEEDED',
    defaultMessage: 'This bundle is locked with a passphrase. Type the passphrase you were given.',
  },
  BUNDLE_WRONG_PASSPHRASE: {
    id: 'error.BUNDLE_WRONG_PASSPHRASE',
    defaultMessage: 'That passphrase does not open this bundle. Nothing was imported.',
  },
  BUNDLE_SIGNATURE_INVALID: {
    id: 'error.BUNDLE_SIGNATURE_INVALID',
    defaultMessage:
      'The bundle’s signature does not match its contents: it may have been changed on the way. Nothing was imported.',
  },
  BUNDLE_SENDER_CHANGED: {
    id: 'error.BUNDLE_SENDER_CHANGED',
    defaultMessage:
      'This bundle claims to come from {name}, but is signed with a different key than their earlier bundles. Nothing was imported. Check with {name} in person.',
    description: 'name: the colleague’s name as the person saved it',
  },
  BUNDLE_FROM_FUTURE: {
    id: 'error.BUNDLE_FROM_FUTURE',
    defaultMessage: 'This bundle was made by a newer version of Upright. Update Upright to import it.',
  },
  BUNDLE_INCOMPATIBLE: {
    id: 'error.BUNDLE_INCOMPATIBLE',
    defaultMessage:
      'This bundle holds records this version of Upright cannot merge. Nothing was imported. Both sides should use the same version of Upright.',
  },
  BUNDLE_PREVIEW_EXPIRED: {
    id: 'error.BUNDLE_PREVIEW_EXPIRED',
    defaultMessage: 'The bundle’s preview is no longer open (the vault was locked). Choose the bundle again.',
  },
  INBOX_NOT_CHOSEN: {
    id: 'error.INBOX_NOT_CHOSEN',
    defaultMessage: 'No shared inbox folder is chosen. Choose one in Settings › Team.',
  },
  INBOX_UNREADABLE: {
    id: 'error.INBOX_UNREADABLE',
    defaultMessage: 'The shared inbox folder cannot be used (it is missing or not writable). Choose another.',
  },
  BUNDLE_CONFLICT_UNRESOLVED: {
    id: 'error.BUNDLE_CONFLICT_UNRESOLVED',
    defaultMessage:
      '{count, plural, one {One record was} other {# records were}} changed on both sides. Choose for each: keep mine, keep theirs or keep both. Nothing was imported.',
  },
  // The command line's own refusals (worded in the terminal, in English or Russian).
  RECOMMENDATION_IMPORT_UNRELIABLE: {
    id: 'error.RECOMMENDATION_IMPORT_UNRELIABLE',
    defaultMessage:
      'Nothing was imported: {problem, select, BROKEN_QUOTES {a quotation mark opened on line {line} is never closed, so the rows after it cannot be read} TOO_MANY_FIELDS {line {line} has more cells than the header row (a separator that should be quoted), so its columns cannot be trusted} NO_TEXT_COLUMN {no column holds the recommendations’ words; map one to “text”} other {no numbered recommendations were found}}. Fix the file, then import it again.',
    description: 'problem: BROKEN_QUOTES, TOO_MANY_FIELDS, NO_TEXT_COLUMN or NO_RECOMMENDATIONS; line: the line number',
  },
  RECOMMENDATION_MAPPING_INVALID: {
    id: 'error.RECOMMENDATION_MAPPING_INVALID',
    defaultMessage:
      '“{spec}” is not a column of the file and a field: write "Column header=field" or "3=field", the field one of text, states, cycle, session, document, paragraph, response, themes or ignore.',
  },
  CLI_SECRET_NEEDED: {
    id: 'error.CLI_SECRET_NEEDED',
    defaultMessage:
      '{what, select, new_passphrase {A new passphrase} recovery_key {The recovery key} other {The passphrase}} is needed: {env, select, none {run in a terminal} other {set {env} or run in a terminal}}.',
    description: 'env: the environment variable that can hold the secret, or none',
  },
  CLI_PASSPHRASES_DIFFER: {
    id: 'error.CLI_PASSPHRASES_DIFFER',
    defaultMessage: 'The two passphrases differ. Nothing was changed.',
  },
  PARAMS_NOT_JSON: { id: 'error.PARAMS_NOT_JSON', defaultMessage: 'The request’s params are not valid JSON.' },
  CLI_KEEP_PASSPHRASE_ALONE: {
    id: 'error.CLI_KEEP_PASSPHRASE_ALONE',
    defaultMessage: '--keep-passphrase goes with --rotate.',
  },
  CLI_OUT_EXISTS: {
    id: 'error.CLI_OUT_EXISTS',
    defaultMessage:
      'The --out file already exists and was left as it was. Name another file, or add --force to replace it.',
  },
});

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/** The payload that crosses every transport: a code and the values its message needs. */
export interface ApiErrorPayload {
  code: ErrorCode;
  params?: MessageParams;
}

/** Thrown by handlers (and re-thrown by API clients) for failures the user should see. */
export class UprightError extends Error {
  readonly code: ErrorCode;
  readonly params: MessageParams;
  /** `params` fill the code's message; `message` is its English wording, for logs and the CLI. */
  constructor(code: ErrorCode, params: MessageParams = {}) {
    super(englishText(code, params));
    this.name = 'UprightError';
    this.code = code;
    this.params = params;
  }
  toPayload(): ApiErrorPayload {
    return { code: this.code, params: this.params };
  }
}

/** A code's English message; a payload whose params do not fit (an older client) gets the bare code's. */
function englishText(code: ErrorCode, params: MessageParams): string {
  try {
    return formatText('en', ERROR_MESSAGES[code], params);
  } catch {
    return ERROR_MESSAGES[code].defaultMessage;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

/** What every transport answers: a result, or an error payload — never a thrown exception. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

/** Rebuilds the error a payload describes (an unknown code is Upright's internal error). */
export function errorFromPayload(payload: ApiErrorPayload | undefined): UprightError {
  if (!isErrorCode(payload?.code)) return new UprightError('INTERNAL');
  const params = payload.params && typeof payload.params === 'object' ? payload.params : {};
  return new UprightError(payload.code, params);
}

/** Turns an envelope back into a value or a thrown UprightError (client side of every transport). */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw errorFromPayload(envelope.error);
}
