import { useQuery } from '@tanstack/preact-query';
import { missingForInvoice } from '../lib/billing/profile';
import type { MilestoneDatabase } from '../lib/db/database';
import { t } from '../lib/ui/i18n';
import { describeMissing } from '../lib/ui/labels';
import { queries } from '../lib/ui/queries';

/** Says, until the business profile can issue a complete invoice, what is missing and where to add it. */
export function ProfileNotice({ db, locale }: { db: MilestoneDatabase; locale: string }) {
  const profile = useQuery(queries.setting(db, 'businessProfile'));
  const missing = profile.data ? missingForInvoice(profile.data) : [];
  if (missing.length === 0) return null;
  return (
    <section class="card warn notice" aria-label={t('profileIncomplete')}>
      <p>{t('profileNeeds', describeMissing(missing, locale))}</p>
      <a href="/welcome.html" target="_blank" rel="noreferrer">{t('completeProfile')}</a>
    </section>
  );
}
