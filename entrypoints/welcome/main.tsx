import { render } from 'preact';
import { Page } from '../../components/Page';
import { Welcome } from '../../components/Welcome';
import { openDatabase } from '../../lib/db/database';

const db = openDatabase();

render(
  <Page title="Welcome to Milestone Invoicer">
    <div style={{ maxWidth: '880px' }}>
      <Welcome db={db} locale={navigator.language} />
    </div>
  </Page>,
  document.getElementById('app')!,
);
