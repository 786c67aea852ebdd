// The parts of a Word document around its body: styles, the dash list, settings, the footer with
// page numbers, document properties (with dc:language), relationships and content types, zipped.
// docx-writer.ts writes the body. Element order follows the WordprocessingML schema: Word
// refuses a document whose properties are out of order.
import { strToU8, Zip, ZipDeflate } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export const LANGUAGE = 'nl-NL';
const FONT = 'Calibri';
/** A4 in twentieths of a point, with 2 cm margins. */
export const PAGE = { width: 11_906, height: 16_838, margin: 1_134 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const ACCENT = '1F4E79';
const GREY = '404040';
/** The one list: items with a dash. */
export const LIST_NUM_ID = 1;

/** Escapes text for XML content and attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface StyleSpec {
  id: string;
  name: string;
  type?: 'paragraph' | 'character';
  basedOn?: string;
  next?: string;
  /** CT_PPr children, in schema order. */
  pPr?: string;
  /** CT_RPr children, in schema order. */
  rPr?: string;
  outline?: number;
}

const run = (o: { bold?: boolean; italic?: boolean; color?: string; size?: number; underline?: boolean }): string =>
  (o.bold ? '<w:b/><w:bCs/>' : '') +
  (o.italic ? '<w:i/><w:iCs/>' : '') +
  (o.color ? `<w:color w:val="${o.color}"/>` : '') +
  (o.size ? `<w:sz w:val="${o.size}"/><w:szCs w:val="${o.size}"/>` : '') +
  (o.underline ? '<w:u w:val="single"/>' : '');
const spacing = (before: number | null, after: number) => `<w:spacing${before === null ? '' : ` w:before="${before}"`} w:after="${after}"/>`;

const STYLES: StyleSpec[] = [
  { id: 'Title', name: 'Title', pPr: spacing(null, 60), rPr: run({ bold: true, color: ACCENT, size: 40 }) },
  { id: 'Subtitle', name: 'Subtitle', pPr: spacing(null, 40), rPr: run({ color: GREY, size: 26 }) },
  { id: 'Heading1', name: 'heading 1', pPr: `<w:keepNext/><w:keepLines/>${spacing(360, 120)}`, rPr: run({ bold: true, color: ACCENT, size: 28 }), outline: 0 },
  { id: 'Heading2', name: 'heading 2', pPr: `<w:keepNext/><w:keepLines/>${spacing(240, 100)}`, rPr: run({ bold: true, color: ACCENT, size: 24 }), outline: 1 },
  { id: 'Heading3', name: 'heading 3', pPr: `<w:keepNext/>${spacing(200, 80)}`, rPr: run({ bold: true, size: 21 }), outline: 2 },
  { id: 'Muted', name: 'Muted', rPr: run({ italic: true, color: GREY }) },
  { id: 'Label', name: 'Label', pPr: `<w:keepNext/>${spacing(null, 60)}`, rPr: run({ bold: true }) },
  { id: 'Small', name: 'Small', pPr: spacing(null, 40), rPr: run({ size: 16 }) },
  { id: 'TableText', name: 'Table Text', pPr: spacing(20, 40), rPr: run({ size: 19 }) },
  { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', rPr: run({ bold: true, color: ACCENT }) },
  { id: 'TableMuted', name: 'Table Muted', basedOn: 'TableText', rPr: run({ italic: true, color: GREY }) },
  { id: 'Hyperlink', name: 'Hyperlink', type: 'character', rPr: run({ color: '0563C1', underline: true }) },
];

function style(s: StyleSpec): string {
  const type = s.type ?? 'paragraph';
  const basedOn = s.basedOn ?? (type === 'paragraph' ? 'Normal' : null);
  const pPr = (s.pPr ?? '') + (s.outline === undefined ? '' : `<w:outlineLvl w:val="${s.outline}"/>`);
  return (
    `<w:style w:type="${type}" w:styleId="${s.id}"><w:name w:val="${s.name}"/>` +
    (basedOn ? `<w:basedOn w:val="${basedOn}"/>` : '') +
    (type === 'paragraph' ? `<w:next w:val="Normal"/>` : '') +
    '<w:qFormat/>' +
    (pPr ? `<w:pPr>${pPr}</w:pPr>` : '') +
    (s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

const stylesXml =
  `${XML_HEAD}<w:styles xmlns:w="${W_NS}"><w:docDefaults>` +
  `<w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/>` +
  `<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="${LANGUAGE}"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  STYLES.map(style).join('') +
  '</w:styles>';

const numberingXml =
  `${XML_HEAD}<w:numbering xmlns:w="${W_NS}">` +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/>' +
  '<w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:lvl></w:abstractNum>' +
  `<w:num w:numId="${LIST_NUM_ID}"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const settingsXml =
  `${XML_HEAD}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="708"/>` +
  '<w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

/** A field Word fills in when it lays out the page (PAGE, NUMPAGES), with a placeholder until then. */
const field = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** The running footer: the document's name on the left, "Pagina N van M" on the right. */
function footerXml(text: string): string {
  return (
    `${XML_HEAD}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:p><w:pPr><w:pStyle w:val="Small"/>` +
    `<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH}"/></w:tabs><w:jc w:val="left"/></w:pPr>` +
    `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Pagina </w:t></w:r>` +
    field('PAGE') +
    '<w:r><w:t xml:space="preserve"> van </w:t></w:r>' +
    field('NUMPAGES') +
    '</w:p></w:ftr>'
  );
}

/** The document properties; Word and LibreOffice read the document language from dc:language. */
function coreXml(title: string, subject: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:subject>${escapeXml(subject)}</dc:subject>` +
    '<dc:creator>TB-register</dc:creator><cp:lastModifiedBy>TB-register</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `<dc:language>${LANGUAGE}</dc:language></cp:coreProperties>`
  );
}

const appXml =
  `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>TB-register</Application></Properties>';

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  [
    ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
    ['/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'],
    ['/word/numbering.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml'],
    ['/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml'],
    ['/word/footer1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ]
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('') +
  '</Types>';

const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

/** The footer's relationship; hyperlinks are numbered after the fixed parts. */
export const FOOTER_REL_ID = 'rId4';
export const linkRelId = (index: number): string => `rId${5 + index}`;

function documentRels(links: readonly string[]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/settings" Target="settings.xml"/>` +
    `<Relationship Id="${FOOTER_REL_ID}" Type="${REL}/footer" Target="footer1.xml"/>` +
    links.map((link, i) => `<Relationship Id="${linkRelId(i)}" Type="${REL}/hyperlink" Target="${escapeXml(link)}" TargetMode="External"/>`).join('') +
    '</Relationships>'
  );
}

export interface DocxParts {
  footer: string;
  title: string;
  subject: string;
  /** The moment in the document properties; a meeting pack gives the meeting's date. */
  now: Date;
  /** The time stamped on the zip entries (default: now); fixed for a pack, so its bytes repeat. */
  entryTime?: Date;
}

/**
 * A Word package written as a stream: the parts before the body, then word/document.xml as it is
 * written (write), then the parts that depend on it (finish, with the body's hyperlinks).
 */
export class DocxStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error;
    this.chunks.push(chunk);
  });
  private readonly document: ZipDeflate;

  constructor(private readonly parts: DocxParts) {
    this.add('[Content_Types].xml', CONTENT_TYPES);
    this.add('_rels/.rels', PACKAGE_RELS);
    this.add('docProps/core.xml', coreXml(parts.title, parts.subject, parts.now));
    this.add('docProps/app.xml', appXml);
    this.document = this.entry('word/document.xml');
  }

  /** A new entry: its time is a property of the entry (fflate reads no mtime option here). */
  private entry(name: string): ZipDeflate {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = this.parts.entryTime ?? new Date();
    this.zip.add(entry);
    return entry;
  }

  private add(name: string, text: string): void {
    this.entry(name).push(strToU8(text), true);
  }

  /** The next piece of word/document.xml. */
  write(xml: string): void {
    this.document.push(strToU8(xml));
  }

  /** Ends the body and adds the parts after it; returns the whole package. */
  finish(links: readonly string[]): Buffer {
    this.document.push(new Uint8Array(0), true);
    this.add('word/_rels/document.xml.rels', documentRels(links));
    this.add('word/styles.xml', stylesXml);
    this.add('word/numbering.xml', numberingXml);
    this.add('word/settings.xml', settingsXml);
    this.add('word/footer1.xml', footerXml(this.parts.footer));
    this.zip.end();
    return Buffer.concat(this.chunks);
  }
}
