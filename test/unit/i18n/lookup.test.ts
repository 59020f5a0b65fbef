import { afterEach, describe, expect, it } from 'vitest';
import { missingForIssue } from '../../../lib/billing/invoice-draft';
import { transition } from '../../../lib/billing/lifecycle';
import { parseMoney } from '../../../lib/billing/money';
import { scheduleTemplates } from '../../../lib/billing/schedule';
import { t, tCount } from '../../../lib/ui/i18n';
import { templateMilestones } from '../../../lib/ui/labels';
import { useLanguage } from './browser-i18n';

afterEach(() => useLanguage('en'));

describe('looking up a message', () => {
  it('fills a sentence’s values into the browser language’s wording', () => {
    expect(t('loadError', 'disk full')).toBe('Could not read your data: disk full');
    useLanguage('de');
    expect(t('loadError', 'disk full')).toBe('Ihre Daten konnten nicht gelesen werden: disk full');
  });

  it('keeps a dollar sign in a value as it is (amounts in USD)', () => {
    expect(t('loadError', '$1 and $$')).toBe('Could not read your data: $1 and $$');
  });

  it('picks the plural form by the language’s rules and writes the count as the language does', () => {
    expect([tCount('daysOverdue', 0), tCount('daysOverdue', 1), tCount('daysOverdue', 1200)]).toEqual(['0 days overdue', '1 day overdue', '1,200 days overdue']);
    useLanguage('fr');
    // French counts zero as singular.
    expect([tCount('daysOverdue', 0), tCount('daysOverdue', 2)]).toEqual(['0 jour de retard', '2 jours de retard']);
    useLanguage('de');
    expect(tCount('daysOverdue', 1200)).toBe('1.200 Tage überfällig');
  });

  it('titles a schedule template’s milestones in the user’s language, every one of them', () => {
    useLanguage('de');
    const titles = scheduleTemplates.map((template) => templateMilestones(template).map((milestone) => milestone.title));
    expect(titles[0]).toEqual(['Anzahlung', 'Funktionsfähiger Prototyp', 'Endabnahme']);
    const untranslated = scheduleTemplates.flatMap((template, i) => template.milestones.filter((milestone, at) => milestone.title === titles[i]![at]));
    expect(untranslated).toEqual([]);
  });

  it('words the refusals of the billing rules in the browser’s language too', () => {
    useLanguage('de');
    expect(parseMoney('zwölf', 'EUR', 'de-DE')).toEqual({ ok: false, error: '„zwölf“ ist kein Betrag: Schreiben Sie ihn wie 1.234,56' });
    const party = { name: '', address: '', taxId: '', email: '' };
    expect(missingForIssue({ seller: party, buyer: party, reverseCharge: false, taxLines: [] })).toEqual([
      'Tragen Sie Ihren Firmennamen in den Einstellungen ein',
      'Tragen Sie Ihre Geschäftsanschrift in den Einstellungen ein',
      'Tragen Sie Ihre USt-IdNr. / Steuernummer in den Einstellungen ein',
      'Tragen Sie beim Kunden die Anschrift von dem Kunden ein',
    ]);
    useLanguage('fr');
    expect(transition('delivered', 'in-progress')).toEqual({ ok: false, error: 'Impossible de le marquer en cours : Un jalon livré peut ensuite être accepté, facturé ou annulé' });
  });
});
