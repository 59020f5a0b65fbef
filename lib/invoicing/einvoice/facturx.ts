import { AFRelationship, decodePDFRawStream, embedFacturX, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from '@cantoo/pdf-lib';

/**
 * Factur-X (EN 16931 profile): the invoice PDF as jsPDF rendered it, made a PDF/A-3b with an sRGB
 * output intent, the CII XML attached as factur-x.xml (AFRelationship Alternative, listed in the
 * catalog's /AF) and the Factur-X XMP schema. Every date comes from the invoice record and jsPDF's
 * file ID is kept, so rebuilding from the record gives the same bytes.
 */
export async function facturXPdf(pdf: Uint8Array, ciiXml: string, issuedAt: number): Promise<Uint8Array> {
  // updateMetadata would stamp the current time as the modification date.
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const when = new Date(issuedAt);
  document.setCreationDate(when);
  document.setModificationDate(when);
  document.setProducer('Milestone Invoicer');
  dropUnusedUnembeddedFonts(document);
  document.convertToPDFA({ conformance: '3B' });
  await embedFacturX(document, new TextEncoder().encode(ciiXml), {
    conformanceLevel: 'EN 16931',
    afRelationship: AFRelationship.Alternative,
    description: 'Factur-X invoice (EN 16931, UN/CEFACT CII)',
    creationDate: when,
    modificationDate: when,
  });
  return document.save();
}

/**
 * jsPDF lists the 14 standard fonts in every page's resources, used or not; PDF/A forbids fonts that
 * are not embedded, and our text is all in the embedded invoice font, so the unused ones go.
 */
function dropUnusedUnembeddedFonts(document: PDFDocument): void {
  const pages = document.getPages();
  const content = pages.map((page) => streamsOf(document, page.node.Contents()).map((stream) => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())).join('\n')).join('\n');
  for (const page of pages) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = document.context.lookup(ref, PDFDict);
      const embedded = font.has(PDFName.of('FontDescriptor')) || font.has(PDFName.of('DescendantFonts'));
      const selected = new RegExp(`${name.asString().replace(/[^\w/]/g, '\\$&')}\\s+[\\d.]+\\s+Tf`).test(content);
      if (!embedded && !selected) fonts!.delete(name);
    }
  }
}

function streamsOf(document: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  if (contents instanceof PDFRawStream) return [contents];
  if (contents instanceof PDFArray) return contents.asArray().flatMap((ref) => streamsOf(document, document.context.lookup(ref)));
  return [];
}
