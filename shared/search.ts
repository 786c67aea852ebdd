// Searching as people type: case and accents do not matter ("Reünie" is found by "reunie").

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Lower case without accents or invisible format characters (a zero-width space or a BOM pasted
 * inside a word would hide it from search). Plain ASCII (most of the register) skips all that.
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\p{Diacritic}\p{Cf}]/gu, '')
    .toLowerCase();
}
