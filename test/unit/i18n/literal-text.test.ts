import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Text a user reads, as attributes carry it: the rest (class, type, name…) is markup. */
const readAttributes = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'confirmLabel', 'cancelLabel', 'what']);
/** Words that are the same in every language: a paper size, bank code names, the board products' names. Symbols ("%", "×", "–", "◆") carry no letters and pass anyway. */
const sameInEveryLanguage = new Set(['A4', 'IBAN', 'BIC', 'Trello', 'GitHub Projects', 'Notion']);

const hasWords = (text: string) => /\p{L}/u.test(text) && !sameInEveryLanguage.has(text.trim());

/** Literal text in a string or template literal (the static parts of a template). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  if (ts.isParenthesizedExpression(node) || ts.isJsxExpression(node)) return node.expression ? literalText(node.expression) : null;
  if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter((text) => text !== null).join(' ') || null;
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) return literalText(node.right);
  return null;
}

/** Every place a source file puts literal words in front of the user, as "file:line text". */
function literalWords(path: string): string[] {
  const code = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string | null) => {
    if (text !== null && hasWords(text)) found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${text.trim()}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) report(node, literalText(node.expression));
    else if (ts.isJsxAttribute(node) && readAttributes.has(node.name.getText()) && node.initializer) report(node, literalText(node.initializer));
    // The in-board UI builds DOM with h(tag, attributes, ...children).
    else if (ts.isCallExpression(node) && node.expression.getText() === 'h') node.arguments.slice(2).forEach((child) => report(child, literalText(child)));
    else if (ts.isPropertyAssignment(node) && readAttributes.has(node.name.getText().replace(/['"]/g, ''))) report(node, literalText(node.initializer));
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(textContent|title|placeholder)$/.test(node.left.getText())) report(node, literalText(node.right));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('user-visible text', () => {
  it('comes from the message catalogs in every component, page and in-board control, never from a literal', () => {
    const files = ['components', 'entrypoints', 'lib/boards/content'].flatMap(sources);
    expect(files.flatMap(literalWords)).toEqual([]);
  });

  it('is found by this check when it is a literal', () => {
    const samples = join('test', 'fixtures', 'i18n-literals.tsx');
    expect(literalWords(samples).map((line) => line.replace(/^.*?:\d+ /, ''))).toEqual(['Save', 'Search projects', 'Invoice now', 'Copied.', 'Unpaid · €']);
  });
});
