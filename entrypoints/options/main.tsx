import { render } from 'preact';
import { DataSafety } from '../../components/DataSafety';
import { DemoData } from '../../components/DemoData';
import { Page } from '../../components/Page';
import { BusinessProfileSettings, DefaultSettings, InvoiceFileSettings, NumberingSettings, ReminderSettings } from '../../components/Settings';
import { openDatabase } from '../../lib/db/database';

const db = openDatabase();

render(
  <Page title="Milestone Invoicer options">
    <div style={{ maxWidth: '640px' }}>
      <BusinessProfileSettings db={db} />
      <NumberingSettings db={db} />
      <InvoiceFileSettings db={db} />
      <DefaultSettings db={db} />
      <ReminderSettings db={db} />
      <DataSafety db={db} />
      <DemoData />
    </div>
  </Page>,
  document.getElementById('app')!,
);
