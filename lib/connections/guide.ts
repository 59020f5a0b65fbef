import type { BoardHost } from '../db/entities';
import { GITHUB_API } from './github';
import { NOTION_API } from './notion';
import { TRELLO_API } from './trello';

/** The one origin each board's connection talks to, asked for when the user connects. */
export const apiOrigins: Record<BoardHost, string> = { trello: TRELLO_API, github: GITHUB_API, notion: NOTION_API };

/** Trello's page that makes a read-only user token for the user's API key. */
export const trelloAuthoriseUrl = (key: string) =>
  `https://trello.com/1/authorize?expiration=never&scope=read&response_type=token&name=Milestone%20Invoicer&key=${encodeURIComponent(key)}`;

/** What token to make, in the user's words, per board. */
export const tokenGuide: Record<BoardHost, string[]> = {
  trello: [
    'Trello needs an API key and a token. Get the key from a Power-Up of your own at trello.com/power-ups/admin (API key tab).',
    'Paste the key below, then open the authorise link: Trello shows a read-only token to paste here.',
  ],
  github: [
    'Organisation projects: a fine-grained personal access token with the organisation as resource owner and the organisation permission Projects: read.',
    'Your own (user) projects: a classic token with the read:project scope, because fine-grained tokens cannot read projects owned by a user.',
  ],
  notion: [
    'Create an internal integration at notion.so/profile/integrations and copy its token.',
    'Then share the database with it: open the database, ••• → Connections → add the integration. Without that, Notion does not show its cards.',
  ],
};
