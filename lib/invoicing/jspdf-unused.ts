/**
 * jsPDF loads html2canvas, DOMPurify and canvg on demand for html() and SVG images. Invoices are
 * drawn as vector text and never call those, so the build resolves the three imports here instead
 * of shipping ~700 KB of them in the service worker (see wxt.config.ts).
 */
export default function notBundled(): never {
  throw new Error('jsPDF HTML and SVG rendering is not part of Milestone Invoicer');
}
