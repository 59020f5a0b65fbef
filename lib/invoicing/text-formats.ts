import { printFormats, type PrintFormats } from './print-locale';

/** Any character but a digit outside 0–9: what plain text may hold, so its digits match the PDF's Latin ones. */
const latinDigitsOnly = (char: string) => !/\p{Nd}/u.test(char) || /[0-9]/.test(char);

/** How a reminder or a notification writes amounts and dates: in the client's locale, with the digits the PDF prints. */
export function textFormats(locale: string, currency: string): PrintFormats {
  return printFormats(locale, currency, latinDigitsOnly);
}
