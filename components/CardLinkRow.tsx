import { useState } from 'preact/hooks';
import { unlinkCard } from '../lib/db/boards';
import type { MilestoneDatabase } from '../lib/db/database';
import type { CardLink, Milestone } from '../lib/db/entities';
import { InputError } from '../lib/db/errors';
import { ConfirmDialog } from './ConfirmDialog';

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
      {link.leftDoneOn && <span class="error"> · left Done on {link.leftDoneOn} after delivery</span>}
      <button class="link" aria-label={`Unlink “${link.title}”`} onClick={() => setAsking(true)}>Unlink…</button>
      {problem && <p role="alert" class="error">{problem}</p>}
      {asking && (
        <ConfirmDialog title={`Unlink “${link.title}” from “${milestone.title}”?`} confirmLabel="Unlink card" onCancel={() => setAsking(false)} onConfirm={() => void unlink()}>
          <p>Moving this card to Done will no longer deliver the milestone. {invoiceNumber ? `Invoice ${invoiceNumber} stays as issued.` : 'Nothing was invoiced from it.'} You can link it again from the board.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
