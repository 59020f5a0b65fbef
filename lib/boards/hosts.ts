import type { BoardHost } from '../db/entities';
import { githubPages } from './github/pages';
import { notionPages } from './notion/pages';
import type { HostPages } from './page';
import { trelloPages } from './trello/pages';

export const hostPages: Record<BoardHost, HostPages> = {
  trello: trelloPages,
  github: githubPages,
  notion: notionPages,
};

/** Which board host serves this URL, if any. */
export function hostOfUrl(url: string | undefined): BoardHost | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return Object.values(hostPages).find((pages) => pages.servesUrl(parsed))?.host ?? null;
}
