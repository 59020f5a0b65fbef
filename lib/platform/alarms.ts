import { browser } from 'wxt/browser';
import type { AlarmControl } from '../connections/service';

/** Alarms that outlive the service worker: created once, kept while their period stays the same. */
export const browserAlarms: AlarmControl = {
  async keep(name, periodInMinutes) {
    const existing = await browser.alarms.get(name);
    if (existing?.periodInMinutes !== periodInMinutes) await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  },
  async clear(name) {
    await browser.alarms.clear(name);
  },
};

export function onAlarmNamed(name: string, task: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === name && task());
}

export function onBrowserStart(task: () => void): void {
  browser.runtime.onStartup.addListener(task);
}
