import type { BoardHost } from '../db/entities';
import { GITHUB_API } from './github';
import { NOTION_API } from './notion';
import { TRELLO_API } from './trello';
import { t } from '../ui/i18n';

/** The one origin each board's connection talks to, asked for when the user connects. */
export const apiOrigins: Record<BoardHost, string> = { trello: TRELLO_API, github: GITHUB_API, notion: NOTION_API };

/** Trello's page that makes a read-only user token for the user's API key. */
export const trelloAuthoriseUrl = (key: string) =>
  `https://trello.com/1/authorize?expiration=never&scope=read&response_type=token&name=Milestone%20Invoicer&key=${encodeURIComponent(key)}`;

/** What token to make, in the user's words, per board. */
export const tokenGuide = (): Record<BoardHost, string[]> => ({
  trello: [
    t('guideTrelloKey'),
    t('guideTrelloToken'),
  ],
  github: [
    t('guideGithubOrg'),
    t('guideGithubUser'),
  ],
  notion: [
    t('guideNotionIntegration'),
    t('guideNotionShare'),
  ],
});
