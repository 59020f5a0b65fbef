import type { MilestoneState } from '../billing/lifecycle';
import type { ProfileField } from '../billing/profile';
import type { MilestoneSpec, ScheduleTemplate } from '../billing/schedule';
import type { PaymentTerms } from '../billing/terms';
import { t } from './i18n';
import type { Messages } from './messages';

/** A message without parameters: here, the name of one of the domain's fixed values (a state, a field, a template). */
type Label = { [K in keyof Messages]: Messages[K] extends [] ? K : never }[keyof Messages];

const profileFieldLabels: Record<ProfileField, Label> = { name: 'profileFieldName', address: 'profileFieldAddress', taxId: 'profileFieldTaxId' };

/** "business name, address and VAT ID or tax number", joined as the locale joins a list. */
export function describeMissing(fields: readonly ProfileField[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(fields.map((field) => t(profileFieldLabels[field])));
}

/** "Net 30", "Due on receipt": payment terms as the user reads them in a form. */
export function termsLabel(terms: PaymentTerms): string {
  switch (terms.kind) {
    case 'on-receipt':
      return t('termsOnReceipt');
    case 'net':
      return t('termsNet', String(terms.days));
    case 'end-of-month':
      return terms.days ? t('termsEndOfMonthPlus', String(terms.days)) : t('termsEndOfMonth');
  }
}

const milestoneStateLabels: Record<MilestoneState, Label> = {
  planned: 'statePlanned',
  'in-progress': 'stateInProgress',
  delivered: 'stateDelivered',
  accepted: 'stateAccepted',
  invoiced: 'stateInvoiced',
  'partially-paid': 'statePartiallyPaid',
  paid: 'statePaid',
  void: 'stateVoid',
};

export const milestoneStateLabel = (state: MilestoneState): string => t(milestoneStateLabels[state]);

const templateLabels: Record<string, Label> = {
  '30-40-30': 'template_30_40_30',
  '50-50': 'template_50_50',
  '25-25-25-25': 'template_25_25_25_25',
  '20-30-50': 'template_20_30_50',
};

/** A schedule template's name ("30 / 40 / 30: upfront, prototype, final delivery"). */
export const templateLabel = (id: string): string => (templateLabels[id] ? t(templateLabels[id]) : id);

const templateTitles: Record<string, Label> = {
  'Upfront deposit': 'titleUpfrontDeposit',
  'Functional prototype': 'titleFunctionalPrototype',
  'Final delivery': 'titleFinalDelivery',
  'First draft': 'titleFirstDraft',
  'Second draft': 'titleSecondDraft',
  Prototype: 'titlePrototype',
};

/** A template's milestones titled in the user's language: the titles become the project's own and are printed on its invoices. */
export const templateMilestones = (template: ScheduleTemplate): MilestoneSpec[] =>
  template.milestones.map((milestone) => {
    const key = templateTitles[milestone.title];
    return key ? { ...milestone, title: t(key) } : milestone;
  });
