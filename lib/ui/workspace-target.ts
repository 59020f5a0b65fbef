/**
 * The item a page asks the workspace to show: a project, or an invoice within its project. It
 * travels in the workspace address's hash when the workspace opens, and over a channel when it is
 * already open.
 */
export interface WorkspaceTarget {
  project: string;
  invoice?: string;
}

const CHANNEL = 'milestone-invoicer.workspace-target';

export function targetHash({ project, invoice }: WorkspaceTarget): string {
  return new URLSearchParams(invoice ? { project, invoice } : { project }).toString();
}

export function readTarget(hash: string): WorkspaceTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const project = params.get('project');
  if (!project) return null;
  const invoice = params.get('invoice');
  return invoice ? { project, invoice } : { project };
}

/** Tells an open workspace to show `target`; a closed one reads it from its address instead. */
export function announceTarget(target: WorkspaceTarget): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(targetHash(target));
  channel.close();
}

/** Calls `show` with every target announced while the workspace is open; returns the unsubscribe. */
export function onTargetAnnounced(show: (target: WorkspaceTarget) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<string>) => {
    const target = readTarget(event.data);
    if (target) show(target);
  };
  return () => channel.close();
}
