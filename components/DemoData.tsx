import { useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';
import { t } from '../lib/ui/i18n';

/** Lets a new user try the product on sample data; refuses to touch a database in use. */
export function DemoData() {
  const [status, setStatus] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  async function load() {
    setStatus({ busy: true, message: t('demoLoading') });
    const reply = await request('demo.seed', {});
    if (!reply.ok) setStatus({ busy: false, message: reply.error, error: true });
    else if (!reply.value.seeded) setStatus({ busy: false, message: t('demoNotAdded') });
    else setStatus({ busy: false, message: t('demoReady') });
  }
  return (
    <section class="card" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('demoData')}</h2>
      <p class="muted">{t('demoExplain')}</p>
      <button class="primary" onClick={load} disabled={status.busy}>{t('loadDemoData')}</button>
      {status.message && (
        <p role="status" class={status.error ? 'error' : 'muted'}>{status.message}</p>
      )}
    </section>
  );
}
