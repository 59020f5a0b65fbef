/** Shown while local data loads; announced to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      Could not read your data: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
