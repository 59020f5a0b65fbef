import { useState } from 'preact/hooks';
import { request } from '../lib/messaging/client';

/** Lets a new user try the product on sample data; refuses to touch a database in use. */
export function DemoData() {
  const [status, setStatus] = useState<{ busy: boolean; message?: string; error?: boolean }>({ busy: false });
  async function load() {
    setStatus({ busy: true, message: 'Loading demo data…' });
    const reply = await request('demo.seed', {});
    if (!reply.ok) setStatus({ busy: false, message: reply.error, error: true });
    else if (!reply.value.seeded) setStatus({ busy: false, message: 'You already have projects, so nothing was added.' });
    else setStatus({ busy: false, message: 'Demo data is ready: open the workspace or the toolbar popup.' });
  }
  return (
    <section class="card" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Demo data</h2>
      <p class="muted">
        Adds a sample client and a 30/40/30 project bound to a demo Trello board. Only works on an empty database, so
        your own records are never mixed with samples.
      </p>
      <button class="primary" onClick={load} disabled={status.busy}>Load demo data</button>
      {status.message && (
        <p role="status" class={status.error ? 'error' : 'muted'}>{status.message}</p>
      )}
    </section>
  );
}
