/** A tiny XML writer: elements as data, serialised deterministically (same input, same bytes). */
/** A child slot: an optional term left out is undefined, false or the empty string. */
type Child = XmlElement | undefined | false | '';

export interface XmlElement {
  name: string;
  attributes?: Record<string, string>;
  children?: readonly Child[];
  text?: string;
}

/** An element; children that are undefined or false (optional terms left out) are skipped. */
export const el = (name: string, content?: string | readonly Child[], attributes?: Record<string, string>): XmlElement =>
  typeof content === 'string' ? { name, text: content, attributes } : { name, children: content ?? [], attributes };

/** An element only when its text is present and not blank. */
export const optional = (name: string, text: string | undefined, attributes?: Record<string, string>): XmlElement | undefined =>
  text?.trim() ? el(name, text.trim(), attributes) : undefined;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');
// Characters XML 1.0 cannot carry at all: removed rather than producing a document nobody can parse.
const notXmlChar = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function serialise(element: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(element.attributes ?? {}).map(([key, value]) => ` ${key}="${escapeAttribute(value.replace(notXmlChar, ''))}"`).join('');
  if (element.text !== undefined) {
    out.push(`${indent}<${element.name}${attributes}>${escapeText(element.text.replace(notXmlChar, ''))}</${element.name}>`);
    return;
  }
  const children = (element.children ?? []).filter((child): child is XmlElement => !!child);
  if (!children.length) {
    out.push(`${indent}<${element.name}${attributes}/>`);
    return;
  }
  out.push(`${indent}<${element.name}${attributes}>`);
  for (const child of children) serialise(child, depth + 1, out);
  out.push(`${indent}</${element.name}>`);
}

/** The document as UTF-8 text with its XML declaration, two-space indented. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  serialise(root, 0, out);
  return `${out.join('\n')}\n`;
}
