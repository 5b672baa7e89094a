// The editor toolbar's icons: inline SVG drawn with the text colour, so they show on machines without
// an emoji font and follow high-contrast modes. Each is decorative; the button carries the label.

const PATHS = {
  bold: "M7 5h6a3.5 3.5 0 0 1 0 7H7zm0 7h7a3.5 3.5 0 0 1 0 7H7z",
  italic: "M10 5h8M6 19h8M14 5l-4 14",
  heading2: "M4 6v12M12 6v12M4 12h8M15 10a2.5 2.5 0 1 1 4.5 1.5L15 18h5",
  heading3: "M4 6v12M12 6v12M4 12h8M15 8h5l-3 4a3 3 0 1 1-2.5 4.5",
  bulletList: "M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01",
  orderedList: "M10 6h10M10 12h10M10 18h10M4 5l1.5-1v5M3.5 14.5a1.5 1.5 0 1 1 2.5 1.2L3.5 19H6",
  quote: "M5 17c0-5 1-8 5-10M14 17c0-5 1-8 5-10M5 17h4v-4H5zm9 0h4v-4h-4z",
  link: "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1",
  image: "M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01",
  imageText: "M4 5h16v10H4zM4 13l4-4 3 3 2-2 3 3M6 19h12",
  rule: "M3 12h18M7 7h10M7 17h10",
  table: "M4 5h16v14H4zM4 10h16M4 15h16M10 5v14",
  rowAfter: "M4 4h16v8H4zM4 8h16M12 15v6M9 18h6",
  columnAfter: "M4 4h8v16H4zM8 4v16M15 12h6M18 9v6",
  deleteTable: "M4 5h16v14H4zM4 10h16M10 5v14M15 14l5 5M20 14l-5 5",
  undo: "M9 7 4 12l5 5M4 12h11a5 5 0 0 1 0 10h-3",
  redo: "m15 7 5 5-5 5M20 12H9a5 5 0 0 0 0 10h3",
  source: "M8 7l-5 5 5 5M16 7l5 5-5 5M14 4l-4 16",
} as const;

export type IconName = keyof typeof PATHS;

export function EditorIcon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
