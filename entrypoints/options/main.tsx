import { render } from 'preact';
import { DataSafety } from '../../components/DataSafety';
import { DemoData } from '../../components/DemoData';
import { Page } from '../../components/Page';
import { SettingsForm } from '../../components/Settings';
import { openDatabase } from '../../lib/db/database';

const db = openDatabase();

render(
  <Page title="Milestone Invoicer options">
    <div class="options">
      <SettingsForm db={db} locale={navigator.language} />
      <DataSafety db={db} />
      <DemoData />
    </div>
  </Page>,
  document.getElementById('app')!,
);
