// Where every dossier stands now: its newest phase row, its phase row on the current jaarplan's
// reference date and its newest priority row (their ids and values), kept by triggers from the
// dated rows. The list of dossiers then reads one row per dossier instead of searching the history
// three times per dossier (issue 6: 107 ms for 5,000 dossiers before, the list's target is 20 ms).
// The table is derived: the app never writes it, it has no undo or audit triggers of its own, and
// an undo or redo (which replays statements on the dated tables) keeps it right by the same
// triggers. The rule is the one of dated-rows.ts, written out here because a migration is frozen.
/** The rule "rows of one date in the order they were recorded", as an ORDER BY, as 0005 wrote it. */
export const ORDER_0005 = 'effective_date DESC, id DESC';

/**
 * The SQL that keeps dossier_now, with a dated state's rows of one date taken in `order`: the
 * statements that fill every row, and the triggers. Frozen like a migration: 0005 writes it with
 * ORDER_0005; a later rule (0010) writes its own triggers with its own order.
 */
export function dossierNowSql(order: string): { refresh: string; triggers: string } {
  const newest = (table: string, columns: string, item: string, onOrBefore = '') =>
    `(SELECT ${columns} FROM ${table} WHERE dossier_id = ${item}${onOrBefore} ORDER BY ${order} LIMIT 1)`;
  /** The current jaarplan is the one of the latest year; without one, no date is on or before it. */
  const REFERENCE = `coalesce((SELECT reference_date FROM jaarplan ORDER BY year DESC LIMIT 1), '0000-00-00')`;
  const onReference = ` AND effective_date <= ${REFERENCE}`;
  const PHASE = 'id, phase, qualifier, parked';
  /** The statements that set a dossier's row (or every row, for item 'dossier_now.dossier_id' without a filter). */
  const phases = (item: string, filter = `WHERE dossier_id = ${item}`) =>
    `UPDATE dossier_now SET (phase_id, phase, qualifier, parked) = ${newest('dossier_phase', PHASE, item)},
     (ref_phase_id, ref_phase, ref_qualifier, ref_parked) = ${newest('dossier_phase', PHASE, item, onReference)} ${filter};`;
  const priority = (item: string, filter = `WHERE dossier_id = ${item}`) =>
    `UPDATE dossier_now SET (priority_id, priority, rank) = ${newest('dossier_priority', 'id, priority, rank', item)} ${filter};`;
  const allReferences = `UPDATE dossier_now SET (ref_phase_id, ref_phase, ref_qualifier, ref_parked) = ${newest('dossier_phase', PHASE, 'dossier_now.dossier_id', onReference)};`;
  return {
    refresh: `${phases('dossier_now.dossier_id', '')}
${priority('dossier_now.dossier_id', '')}`,
    triggers: `CREATE TRIGGER dossier_now_phase_insert AFTER INSERT ON dossier_phase BEGIN ${phases('new.dossier_id')} END;
CREATE TRIGGER dossier_now_phase_delete AFTER DELETE ON dossier_phase BEGIN ${phases('old.dossier_id')} END;
CREATE TRIGGER dossier_now_phase_update AFTER UPDATE ON dossier_phase BEGIN ${phases('old.dossier_id')} ${phases('new.dossier_id')} END;

CREATE TRIGGER dossier_now_priority_insert AFTER INSERT ON dossier_priority BEGIN ${priority('new.dossier_id')} END;
CREATE TRIGGER dossier_now_priority_delete AFTER DELETE ON dossier_priority BEGIN ${priority('old.dossier_id')} END;
CREATE TRIGGER dossier_now_priority_update AFTER UPDATE ON dossier_priority BEGIN ${priority('old.dossier_id')} ${priority('new.dossier_id')} END;

CREATE TRIGGER dossier_now_jaarplan_insert AFTER INSERT ON jaarplan BEGIN ${allReferences} END;
CREATE TRIGGER dossier_now_jaarplan_delete AFTER DELETE ON jaarplan BEGIN ${allReferences} END;
CREATE TRIGGER dossier_now_jaarplan_update AFTER UPDATE OF year, reference_date ON jaarplan BEGIN ${allReferences} END;
`,
  };
}

const { refresh, triggers } = dossierNowSql(ORDER_0005);

export const up = `
CREATE TABLE dossier_now (
  dossier_id INTEGER PRIMARY KEY,
  phase_id INTEGER,
  phase TEXT,
  qualifier TEXT,
  parked INTEGER,
  ref_phase_id INTEGER,
  ref_phase TEXT,
  ref_qualifier TEXT,
  ref_parked INTEGER,
  priority_id INTEGER,
  priority INTEGER,
  rank INTEGER
) STRICT;

INSERT INTO dossier_now (dossier_id) SELECT id FROM dossier;
${refresh}

CREATE TRIGGER dossier_now_dossier_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO dossier_now (dossier_id) VALUES (new.id);
END;
CREATE TRIGGER dossier_now_dossier_delete AFTER DELETE ON dossier BEGIN
  DELETE FROM dossier_now WHERE dossier_id = old.id;
END;

${triggers}`;
