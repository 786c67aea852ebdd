// Reading exports back as Word, Excel and LibreOffice see them: the docx package's XML parts,
// the workbook through exceljs, and the PDF that LibreOffice makes of either.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { tempDir } from './register';
import { checkOfficeXml } from './strict-xml';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParagraph {
  style: string | null;
  text: string;
  /** true when the paragraph is a list item (w:numPr). */
  listItem: boolean;
  pageBreakBefore: boolean;
}

export interface DocxTable {
  /** Rows marked as header rows that repeat on every page. */
  headerRows: number;
  /** Cell texts (paragraphs joined by a newline), row by row. */
  rows: string[][];
  /** Paragraphs per cell, for structure checks. */
  cells: DocxParagraph[][][];
  /** Grid column widths in twentieths of a point. */
  gridWidths: number[];
  layout: string | null;
}

export interface DocxFile {
  parts: Record<string, string>;
  /** Top-level body paragraphs in order (tables are left out; see tables). */
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  /** The body in reading order: paragraph texts, and each table as its row texts. */
  body: Array<DocxParagraph | DocxTable>;
  xml: XmlDocument;
}

const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const child = (el: Element, name: string): Element | undefined => children(el, name)[0];
const wAttr = (el: Element | undefined, name: string): string | null => el?.getAttributeNS(W, name) ?? null;

function runText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    if (e.localName === 't') out += e.textContent ?? '';
    else if (e.localName === 'tab') out += '\t';
    else if (e.localName === 'br') out += '\n';
    else if (e.localName === 'r' || e.localName === 'hyperlink') out += runText(e);
  }
  return out;
}

function paragraph(p: Element): DocxParagraph {
  const pPr = child(p, 'pPr');
  return {
    style: wAttr(pPr && child(pPr, 'pStyle'), 'val'),
    text: runText(p),
    listItem: !!(pPr && child(pPr, 'numPr')),
    pageBreakBefore: !!(pPr && child(pPr, 'pageBreakBefore')),
  };
}

function table(tbl: Element): DocxTable {
  const rows = children(tbl, 'tr');
  const cells = rows.map((tr) => children(tr, 'tc').map((tc) => children(tc, 'p').map(paragraph)));
  const tblPr = child(tbl, 'tblPr');
  return {
    headerRows: rows.filter((tr) => {
      const trPr = child(tr, 'trPr');
      const mark = trPr && child(trPr, 'tblHeader');
      return !!mark && !['false', '0', 'off'].includes(wAttr(mark, 'val') ?? 'true');
    }).length,
    rows: cells.map((row) => row.map((ps) => ps.map((p) => p.text).join('\n'))),
    cells,
    gridWidths: children(child(tbl, 'tblGrid')!, 'gridCol').map((g) => Number(wAttr(g, 'w'))),
    layout: wAttr(tblPr && child(tblPr, 'tblLayout'), 'type'),
  };
}

/** Reads a docx back; every XML part must first pass the strict XML 1.0 check Word applies. */
export async function readDocx(file: string): Promise<DocxFile> {
  const data = fs.readFileSync(file);
  checkOfficeXml(file, data);
  const zip = await JSZip.loadAsync(data);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string');
  }
  const xml = new DOMParser().parseFromString(parts['word/document.xml']!, 'text/xml');
  const body = child(xml.documentElement as unknown as Element, 'body')!;
  const ordered: Array<DocxParagraph | DocxTable> = [];
  for (const node of Array.from(body.childNodes)) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.localName === 'p') ordered.push(paragraph(el));
    if (el.localName === 'tbl') ordered.push(table(el));
  }
  return {
    parts,
    xml,
    body: ordered,
    paragraphs: ordered.filter((b): b is DocxParagraph => 'style' in b),
    tables: ordered.filter((b): b is DocxTable => 'rows' in b),
  };
}

/** Reads an xlsx back through exceljs; every XML part must first pass the strict XML 1.0 check. */
export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  checkOfficeXml(file, fs.readFileSync(file));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The raw XML parts of an xlsx, for what exceljs does not read back (formulas that must not exist). */
export async function xlsxParts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith('.xml')) parts[name] = await zip.file(name)!.async('string');
  return parts;
}

/**
 * Opens files in LibreOffice (headless, a fresh profile each time so parallel tests never share
 * one) and converts them to PDF; returns each PDF's text (pdftotext -layout off) and page count.
 */
export function toPdf(files: string[]): Map<string, { pdf: string; text: string; pages: number }> {
  const work = tempDir('tb-lo-');
  const result = new Map<string, { pdf: string; text: string; pages: number }>();
  // docx and xlsx of one document share a base name: convert each format into its own folder.
  const byExt = new Map<string, string[]>();
  for (const f of files) byExt.set(path.extname(f), [...(byExt.get(path.extname(f)) ?? []), f]);
  for (const [ext, group] of byExt) {
    const outDir = path.join(work, ext.slice(1));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...group],
      { stdio: 'pipe', timeout: 120_000 },
    );
    for (const f of group) {
      const pdf = path.join(outDir, `${path.basename(f, ext)}.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${f}`);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      result.set(f, { pdf, text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) });
    }
  }
  return result;
}

/** Text with all runs of whitespace as one space: PDF text breaks lines wherever the page does. */
export const flatten = (text: string): string => text.replace(/\s+/g, ' ').trim();
