// Every change records who made it: the profile (name and role) of the person at the computer,
// stamped by the handler table beside the call's name (issue 11, "Who"). Changes made before
// profiles existed keep no author.
export const up = `
ALTER TABLE change ADD COLUMN author TEXT;
ALTER TABLE change ADD COLUMN author_role TEXT;
`;
