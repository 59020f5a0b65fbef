import { browser } from 'wxt/browser';
import { downloadPath } from '../billing/file-names';
import { toBase64 } from '../bytes';
import { extensionUrl } from './runtime';

/** A file shipped inside the extension (fonts), read as bytes. No network: it is our own package. */
export async function extensionFile(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(extensionUrl(path))).arrayBuffer());
}

/**
 * Saves bytes through the downloads API. A service worker has no object URLs, so the file goes as a
 * data URL; `filename` may include a subfolder of the download directory. Every part is cleaned
 * here too, since Chrome refuses the whole download over one invisible character or a "..".
 */
export async function saveDownload(bytes: Uint8Array, filename: string, mime = 'application/pdf'): Promise<void> {
  await browser.downloads.download({ url: `data:${mime};base64,${toBase64(bytes)}`, filename: downloadPath(filename), conflictAction: 'uniquify' });
}

/** A system notification, with optional buttons (Chrome shows them; Firefox only the click). */
export async function showNotification(id: string, title: string, message: string, buttons: string[] = []): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: extensionUrl('icon/128.png'),
    title,
    message,
    ...(buttons.length && !import.meta.env.FIREFOX ? { buttons: buttons.map((title) => ({ title })) } : {}),
  });
}

/** Calls back with the notification id when its first button, or the notification itself, is clicked. */
export function onNotificationAction(callback: (id: string) => void): void {
  browser.notifications.onButtonClicked?.addListener((id) => callback(id));
  browser.notifications.onClicked.addListener((id) => callback(id));
}
