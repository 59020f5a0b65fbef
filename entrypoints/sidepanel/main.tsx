import { render } from 'preact';
import { BoardHealthNotice } from '../../components/BoardHealthNotice';
import { Page } from '../../components/Page';
import { ProjectList } from '../../components/ProjectList';
import { openDatabase } from '../../lib/db/database';

render(
  <Page title="Workspace">
    <BoardHealthNotice />
    <ProjectList db={openDatabase()} locale={navigator.language} />
  </Page>,
  document.getElementById('app')!,
);
