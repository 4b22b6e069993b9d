/*
 * Just enough of a PDF reader to tell how many pages Chromium printed and whether each page has any
 * text on it. Chromium (Skia) writes plain objects, `N 0 obj … endobj`, with Flate-compressed
 * content streams; the page order is the `/Kids` array of the page tree.
 */
import { inflateSync } from 'node:zlib';

export interface PdfPage {
  /** How many text-showing operators (Tj, TJ, ', ") the page's content streams hold. */
  textRuns: number;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const end = text.indexOf('endobj', start.lastIndex);
    if (end < 0) break;
    const body = text.slice(start.lastIndex, end);
    const streamAt = body.search(/\bstream\r?\n/);
    const object: PdfObject = { dict: streamAt < 0 ? body : body.slice(0, streamAt) };
    if (streamAt >= 0) {
      const dataStart = start.lastIndex + streamAt + (body.slice(streamAt).startsWith('stream\r\n') ? 8 : 7);
      const length = /\/Length (\d+)(?! \d+ R)/.exec(object.dict);
      const dataEnd = length ? dataStart + Number(length[1]) : text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      object.stream = /\/FlateDecode/.test(object.dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), object);
    start.lastIndex = end;
  }
  return objects;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The pages of a PDF in reading order. Throws when the file is not a PDF this reader understands. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF file');
  const objects = objectsOf(pdf);
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict));
  if (!root) throw new Error('the PDF has no page tree');
  const pages: PdfPage[] = [];
  const walk = (node: PdfObject): void => {
    if (/\/Type\s*\/Pages\b/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
      for (const id of refs(kids)) {
        const kid = objects.get(id);
        if (!kid) throw new Error(`the page tree names a missing object ${id}`);
        walk(kid);
      }
      return;
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(node.dict)?.[1] ?? '';
    const streams = refs(contents).map((id) => objects.get(id)?.stream?.toString('latin1') ?? '');
    const textRuns = streams.reduce((n, s) => n + (s.match(/(?:\]|\)|>)\s*(?:TJ|Tj|'|")(?=\s)/g)?.length ?? 0), 0);
    pages.push({ textRuns });
  };
  walk(root);
  // A cross-check that does not depend on the page tree: every page object counted once.
  const pageObjects = [...objects.values()].filter((o) => /\/Type\s*\/Page(?!s)\b/.test(o.dict)).length;
  if (pageObjects !== pages.length)
    throw new Error(`the page tree lists ${pages.length} pages, the file holds ${pageObjects}`);
  return pages;
}
