// What may go into an Office file. XML 1.0 (and so Word and Excel) refuses most C0 control
// characters, lone surrogates and U+FFFE/U+FFFF: a single one makes the whole file unreadable.
// The register refuses them at the door, but an export must never trust that.

// C0 controls except tab and newline, DEL-adjacent non-characters, and unpaired surrogates.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text fit for an Office file: line endings as \n, characters XML cannot hold removed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_IN_XML, '');
}

/**
 * A link as an Office relationship target may hold it: the URL as the WHATWG parser writes it
 * (every character outside ASCII percent-encoded, so nothing XML refuses can reach a .rels
 * part), or null when it is not a web link (the text is then written without a link).
 */
export function linkTarget(link: string): string | null {
  try {
    const url = new URL(cleanText(link));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Excel holds at most 32,767 characters in a cell. */
export const EXCEL_CELL_LIMIT = 32_767;

/** A cell text cut to Excel's limit, ending in a marker that says so and how much was left out. */
export function fitExcelCell(text: string): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  const marker = (left: number) => ` […ingekort: ${left} tekens weggelaten]`;
  // The marker's own length depends on the number it shows; size it for the worst case.
  let keep = EXCEL_CELL_LIMIT - marker(text.length).length;
  // Never cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]/.test(text[keep - 1] ?? '')) keep--;
  return text.slice(0, keep) + marker(text.length - keep);
}
