import { render } from 'preact';
import { DemoData } from '../../components/DemoData';
import { Page } from '../../components/Page';

render(
  <Page title="Milestone Invoicer options">
    <div style={{ maxWidth: '640px' }}>
      <DemoData />
    </div>
  </Page>,
  document.getElementById('app')!,
);
