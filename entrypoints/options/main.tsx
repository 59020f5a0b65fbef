import { render } from 'preact';
import { DataSafety } from '../../components/DataSafety';
import { DemoData } from '../../components/DemoData';
import { Page } from '../../components/Page';
import { SettingsForm } from '../../components/Settings';
import { openDatabase } from '../../lib/db/database';
import { t } from '../../lib/ui/i18n';

const db = openDatabase();
document.title = t('optionsHeading');

render(
  <Page title={t('optionsHeading')}>
    <div class="options">
      <SettingsForm db={db} locale={navigator.language} />
      <DataSafety db={db} />
      <DemoData />
    </div>
  </Page>,
  document.getElementById('app')!,
);
