import { useEffect, useRef, useState } from 'preact/hooks';
import { onTargetAnnounced, readTarget, type WorkspaceTarget } from '../lib/ui/workspace-target';

/** The item the workspace was opened at (its address's hash), then any item announced while open. */
export function useWorkspaceTarget(): WorkspaceTarget | null {
  const [target, setTarget] = useState(() => readTarget(location.hash));
  useEffect(() => onTargetAnnounced(setTarget), []);
  return target;
}

/** A ref that scrolls its element into view each time `active` turns true. */
export function useRevealed<T extends HTMLElement>(active: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'center' });
  }, [active]);
  return ref;
}
