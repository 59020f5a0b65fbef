import { useState } from 'preact/hooks';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Project } from '../lib/db/entities';
import { InputError } from '../lib/db/errors';
import { archiveProject, deleteProject } from '../lib/db/projects';
import { ConfirmDialog } from './ConfirmDialog';
import { t, tCount } from '../lib/ui/i18n';

/** Archive or restore a project; delete one that has no invoices, after a confirmation saying what goes. */
export function ProjectLifecycle({ db, project, invoiced, milestones, links }: { db: MilestoneDatabase; project: Project; invoiced: boolean; milestones: number; links: number }) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState('');
  const attempt = async (action: () => Promise<void>) => {
    setAsking(false);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  };
  return (
    <div class="buttons project-lifecycle">
      <button onClick={() => void attempt(() => archiveProject(db, project.id, !project.archivedAt))}>{project.archivedAt ? t('restoreProject') : t('archiveProject')}</button>
      {!invoiced && <button onClick={() => setAsking(true)}>{t('deleteProjectMore')}</button>}
      {problem && <p role="alert" class="error">{problem}</p>}
      {asking && (
        <ConfirmDialog title={t('deleteQuotedQuestion', project.name)} confirmLabel={t('deleteProject')} danger onCancel={() => setAsking(false)} onConfirm={() => void attempt(() => deleteProject(db, project.id))}>
          <p>{links ? t('deleteProjectExplainLinks', tCount('projectMilestones', milestones), tCount('projectCardLinks', links)) : t('deleteProjectExplain', tCount('projectMilestones', milestones))}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
