import { notFound } from "next/navigation";
import { Suspense } from "react";
import { NotFoundContent } from "@/components/site/not-found-content";

// Next 16 answers a notFound() thrown by a page with an empty <body>: the not-found UI travels only
// in the React payload and appears after hydration, so a reader without JavaScript and a crawler see
// a blank page (vercel/next.js#62228). Thrown inside a Suspense boundary instead, the on-demand
// prerender of these cached pages still answers 404, keeps the layout around the boundary, and sends
// the fallback as HTML; the browser then renders app/(site)/not-found.tsx in the same place.
function Raise(): never {
  notFound();
}

/** Return this from a public page whose content doesn't exist: 404 with the not-found text in the HTML. */
export function NotFoundHere() {
  return (
    <Suspense fallback={<NotFoundContent />}>
      <Raise />
    </Suspense>
  );
}
