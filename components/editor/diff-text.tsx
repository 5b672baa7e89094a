import type { DiffPart } from "@/lib/editor/text-diff";

/** A character diff as text with <ins>/<del>, which screen readers announce as inserted and deleted. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="diff">
      {parts.map((part, index) =>
        part.kind === "added" ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === "removed" ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
