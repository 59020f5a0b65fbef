import { t } from '../lib/ui/i18n';

/** Shown while local data loads; announced to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status" aria-live="polite">
      {t('loading', what)}
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {t('loadError', error instanceof Error ? error.message : String(error))}
    </p>
  );
}
