import { render } from 'preact';
import { Page } from '../../components/Page';
import { Workspace } from '../../components/Workspace';
import { openDatabase } from '../../lib/db/database';

render(
  <Page title="Workspace">
    <Workspace db={openDatabase()} locale={navigator.language} />
  </Page>,
  document.getElementById('app')!,
);
