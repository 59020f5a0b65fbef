import { describe, expect, it } from 'vitest';
import { badgeCss, baseCss, panelCss, pickerCss } from '../../../lib/boards/content/styles';

/** WCAG 2 relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

type Rule = { selector: string; declarations: Map<string, string> };

function rules(css: string): Rule[] {
  return [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector, body]) => ({
    selector: selector!.trim(),
    declarations: new Map(
      body!.split(';').flatMap((declaration) => {
        const at = declaration.indexOf(':');
        return at < 0 ? [] : [[declaration.slice(0, at).trim(), declaration.slice(at + 1).trim()] as [string, string]];
      }),
    ),
  }));
}

/** The colour variables of each theme, read from the :host rules. */
function themes(): Record<'light' | 'dark', Map<string, string>> {
  const variables = (selector: string) =>
    new Map([...rules(baseCss).find((rule) => rule.selector === selector)!.declarations].filter(([name]) => name.startsWith('--')));
  const light = variables(':host');
  return { light, dark: new Map([...light, ...variables(':host([data-theme="dark"])')]) };
}

/** Every rule that sets a text colour, with the background it is drawn on (its own, or the surface). */
function textRules() {
  // Each sheet starts with the base rules: read them once.
  const sheets = [baseCss, ...[panelCss, badgeCss, pickerCss].map((css) => css.slice(baseCss.length))];
  return sheets.flatMap(rules).flatMap(({ selector, declarations }) => {
    const color = declarations.get('color');
    if (!color || color === 'inherit') return [];
    const background = declarations.get('background') ?? declarations.get('background-color');
    return [{ selector, color, background: !background || background === 'transparent' ? 'var(--bg)' : background }];
  });
}

describe('in-board UI contrast', () => {
  const resolve = (value: string, theme: Map<string, string>) => {
    const name = /^var\((--[\w-]+)\)$/.exec(value)?.[1];
    const resolved = name ? theme.get(name) : value;
    if (!resolved || !/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(resolved)) throw new Error(`Cannot read the colour "${value}"`);
    return resolved;
  };

  it('reads the text colours it checks (the status pills among them)', () => {
    const selectors = textRules().map((rule) => rule.selector);
    expect(selectors).toEqual(expect.arrayContaining(['.muted', '.warn', 'button.primary', '.error']));
    expect(selectors.some((selector) => selector.includes('[data-state="delivered"]'))).toBe(true);
    expect(selectors.some((selector) => selector.includes('[data-state="invoiced"]'))).toBe(true);
  });

  it.each(['light', 'dark'] as const)('gives every text at least 4.5:1 against its background in the %s theme', (name) => {
    const theme = themes()[name];
    const failing = textRules()
      .map((rule) => ({ ...rule, ratio: contrast(resolve(rule.color, theme), resolve(rule.background, theme)) }))
      .filter((rule) => rule.ratio < 4.5)
      .map((rule) => `${rule.selector}: ${rule.ratio.toFixed(2)}:1`);
    expect(failing).toEqual([]);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    // The dark-theme status pills of before, as measured in the issue: 3.2:1 and 2.9:1.
    expect(contrast('#1f845a', '#22272b')).toBeCloseTo(3.2, 1);
    expect(contrast('#0c66e4', '#22272b')).toBeCloseTo(2.9, 1);
  });
});
