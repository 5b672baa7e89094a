import { AppError } from "../errors";

// Import failures the uploader can fix themselves; the message is shown as-is, so it says what is wrong
// and what to do about it, in the UI's language. To the action wrapper they are ordinary INVALID (or
// TOO_LARGE) failures; `reason` tells the import's own cases apart.

export type ImportErrorReason =
  | "EMPTY"
  | "BINARY"
  | "TOO_LARGE"
  | "ENCODING"
  | "NO_ITEMS"
  | "RANK_GAP"
  | "RANK_DUPLICATE"
  /** A corrected outline (JSON) that is not valid JSON or fails the outline's checks. */
  | "INVALID_OUTLINE";

export class ImportError extends AppError {
  readonly reason: ImportErrorReason;

  constructor(reason: ImportErrorReason, message: string) {
    super(reason === "TOO_LARGE" ? "TOO_LARGE" : "INVALID", message);
    this.name = "ImportError";
    this.reason = reason;
  }
}
