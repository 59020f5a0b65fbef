import { useState } from 'preact/hooks';
import { unlinkCard } from '../lib/db/boards';
import type { MilestoneDatabase } from '../lib/db/database';
import type { CardLink, Milestone } from '../lib/db/entities';
import { InputError } from '../lib/db/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { t } from '../lib/ui/i18n';

/** A card linked to a milestone, with "Unlink…": the link goes, an invoice already issued stays. */
export function CardLinkRow({ db, link, milestone, invoiceNumber, onUnlinked }: {
  db: MilestoneDatabase;
  link: CardLink;
  milestone: Milestone;
  /** The milestone's invoice, which unlinking leaves as issued. */
  invoiceNumber?: string;
  onUnlinked: (link: CardLink) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState('');
  async function unlink() {
    setAsking(false);
    try {
      await unlinkCard(db, link.host, link.boardId, link.cardId);
      onUnlinked(link);
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  }
  return (
    <div class="card-link">
      <a href={link.url} target="_blank" rel="noreferrer">{link.title}</a>
      {link.leftDoneOn && <span class="error"> · {t('leftDoneAfterDelivery', link.leftDoneOn)}</span>}
      <button class="link" aria-label={t('unlinkNamed', link.title)} onClick={() => setAsking(true)}>{t('unlinkMore')}</button>
      {problem && <p role="alert" class="error">{problem}</p>}
      {asking && (
        <ConfirmDialog title={t('unlinkQuestion', link.title, milestone.title)} confirmLabel={t('unlinkCardConfirm')} onCancel={() => setAsking(false)} onConfirm={() => void unlink()}>
          <p>{invoiceNumber ? t('unlinkExplainInvoiced', invoiceNumber) : t('unlinkExplain')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
