// The highest number ever given out automatically to a dossier and to an actiepunt, kept apart
// from the items, so such a number is never given twice: an undo takes a created item away again,
// but not the number it had (issue 15: create, undo, create gave the same number, and the new
// item's audit trail showed the undone one). The marks are bookkeeping, not register content: no
// undo or audit triggers; lookup.ts raises them as it gives a number, and never lowers them.
export const up = `
CREATE TABLE number_mark (
  kind TEXT PRIMARY KEY CHECK (kind IN ('dossier', 'actiepunt')),
  high INTEGER NOT NULL CHECK (high >= 0)
) STRICT;

INSERT INTO number_mark (kind, high) VALUES
  ('dossier', (SELECT coalesce(max(number), 0) FROM dossier)),
  ('actiepunt', (SELECT coalesce(max(number), 0) FROM actiepunt));
`;
