// Owners of an actiepunt as one line of text and back: "Logius/BZK". When an owner's own name holds a
// slash ("Voorzitter/Secretaris"), a slash would make two owners of one, so the line uses "; "
// instead; a line holding ";" is read back split on ";" only. Shown, edited and exported alike, so
// saving a field unchanged never splits an owner (the panel made "Voorzitter" and "Secretaris" of
// one, issue 14).

export const joinOwners = (owners: readonly string[]): string => owners.join(owners.some((o) => o.includes('/')) ? '; ' : '/');

/**
 * The owners as their field holds them for editing: as joinOwners, and a lone owner whose name holds
 * a slash ends in ";" so that saving the field unchanged keeps one owner.
 */
export const ownersForEditing = (owners: readonly string[]): string =>
  joinOwners(owners) + (owners.length === 1 && owners[0]!.includes('/') ? ';' : '');

export const parseOwners = (text: string): string[] =>
  (text.includes(';') ? text.split(';') : text.split('/')).map((o) => o.trim()).filter(Boolean);
