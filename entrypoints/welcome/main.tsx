import { render } from 'preact';
import { Page } from '../../components/Page';
import { Welcome } from '../../components/Welcome';
import { openDatabase } from '../../lib/db/database';
import { t } from '../../lib/ui/i18n';

const db = openDatabase();
document.title = t('welcomeHeading');

render(
  <Page title={t('welcomeHeading')}>
    <div style={{ maxWidth: '880px' }}>
      <Welcome db={db} locale={navigator.language} />
    </div>
  </Page>,
  document.getElementById('app')!,
);
