import { t } from '../ui/i18n';
import { fail, ok, type Result } from './result';

/** Characters no file system takes in a name. */
const UNSAFE = /[\\/:*?"<>|]+/g;
const FORMAT = /\p{Cf}/gu;
const CONTROL = /\p{Cc}/gu;
const MAX_NAME = 150;

/**
 * One file or folder name the downloads API accepts: invisible format characters (a right-to-left
 * mark, ZWNJ, a soft hyphen) dropped, reserved characters replaced, no leading or trailing dots or spaces.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  // Line breaks, tabs and line or paragraph separators become a space; other controls go.
  const cleaned = name.normalize('NFC').replace(FORMAT, '').replace(/\s+/g, ' ').replace(CONTROL, '').replace(UNSAFE, '-');
  const trimmed = cleaned.slice(0, MAX_NAME).replace(/^[.\s]+|[.\s]+$/g, '');
  return trimmed || fallback;
}

/** "INV-2026-0007 Acme Retail GmbH - Functional prototype.pdf" */
export function invoiceFileName(number: string, buyer: string, milestoneTitle?: string): string {
  const name = [number, buyer, milestoneTitle ? `- ${milestoneTitle}` : ''].filter(Boolean).join(' ');
  return `${safeFileName(name, number)}.pdf`;
}

/** Whether a downloads subfolder is a plain relative path ("Invoices" or "Work/Invoices"); empty means none. */
export function validateFolder(folder: string): Result<string> {
  if (!folder) return ok(folder);
  if (folder.includes('\\')) return fail(t('folderBackslash'));
  if (folder.startsWith('/') || /^[a-z]:/i.test(folder)) return fail(t('folderAbsolute'));
  const segments = folder.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return fail(t('folderDots'));
  if (segments.some((segment) => !segment.trim())) return fail(t('folderEmptyPart'));
  if (segments.some((segment) => safeFileName(segment, '') !== segment)) return fail(t('folderBadChars'));
  return ok(folder);
}

/** The path handed to the downloads API: every part cleaned again, so a stored or restored bad name still downloads. */
export function downloadPath(path: string): string {
  const parts = path.split(/[\\/]+/);
  const folders = parts.slice(0, -1).map((segment) => safeFileName(segment, '')).filter(Boolean);
  return [...folders, safeFileName(parts.at(-1) ?? '', 'download')].join('/');
}
