// Searching as people type: case and accents do not matter ("Reünie" is found by "reunie").

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case without accents. Plain ASCII (most of the register) skips the Unicode normalisation. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
