// Import failures the uploader can fix themselves; the message is shown as-is, so it says what is wrong
// and what to do about it, in the UI's language.

export type ImportErrorCode =
  | "EMPTY"
  | "BINARY"
  | "TOO_LARGE"
  | "ENCODING"
  | "NO_ITEMS"
  | "RANK_GAP"
  | "RANK_DUPLICATE"
  /** A corrected outline (JSON) that is not valid JSON or fails the outline's checks. */
  | "INVALID_OUTLINE";

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = "ImportError";
    this.code = code;
  }
}
