// XML checked as Word and Excel check it: the bytes must be UTF-8 (a lone surrogate written by
// mistake is invalid UTF-8), and the text must be well-formed, namespace-correct XML 1.0 holding
// only XML's characters (no U+FFFE/U+FFFF, no C0 controls but tab, newline and carriage return).
// xmldom accepted U+FFFE in a .rels target that LibreOffice then refused (issue 15); saxes follows
// the XML 1.0 productions and refuses it.
import { SaxesParser } from 'saxes';
import { unzipSync } from 'fflate';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Throws with the part's name and the parser's reason when `bytes` are not strict XML 1.0. */
export function checkXmlBytes(name: string, bytes: Uint8Array): void {
  let xml: string;
  try {
    xml = UTF8.decode(bytes);
  } catch {
    throw new Error(`${name}: not valid UTF-8`);
  }
  checkXml(name, xml);
}

/** Throws with the part's name and the parser's reason when `xml` is not strict XML 1.0. */
export function checkXml(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  let depth = 0;
  let root = 0;
  parser.on('opentag', () => {
    if (depth++ === 0) root++;
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.write(xml).close();
  if (!failure && root !== 1) failure = new Error(`expected one root element, found ${root}`);
  if (failure) throw new Error(`${name}: ${(failure as Error).message}`);
}

/** Every XML part (.xml, .rels) of an Office file (docx, xlsx), checked; returns how many. */
export function checkOfficeXml(file: string, data: Uint8Array): number {
  const parts = unzipSync(data);
  let checked = 0;
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    checkXmlBytes(`${file}:${name}`, bytes);
    checked++;
  }
  if (checked === 0) throw new Error(`${file}: no XML parts`);
  return checked;
}
