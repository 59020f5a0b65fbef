import { QueryClientProvider } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { t } from '../lib/ui/i18n';
import { createQueryClient } from '../lib/ui/queries';
import './theme.css';

const queryClient = createQueryClient();
// Screen readers speak the page in the language its texts are in.
document.documentElement.lang = t('catalogLanguage');

/** The frame of every extension page: theme, data access and a heading. */
export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <QueryClientProvider client={queryClient}>
      <main style={{ padding: '12px 16px' }}>
        <h1>{title}</h1>
        {children}
      </main>
    </QueryClientProvider>
  );
}
