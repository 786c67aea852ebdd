// Undo and redo as data (the technique of sqlite.org's "Automatic Undo/Redo Using SQLite"):
// triggers on every register table write the statement that reverses each change into undo_log.
// The api groups a call's statements into one step; undoing a step runs them backwards, and the
// statements that reverse the undo become the redo step. The log survives a restart.
// This list is part of the migration and frozen with it: a later table gets its triggers in the
// migration that creates it. The triggers themselves come from triggers.ts.
import { undoTriggers, type TriggerTable } from './triggers';

export const TABLES: readonly TriggerTable[] = [
  {
    name: 'jaarplan',
    key: ['id'],
    columns: ['id', 'year', 'title', 'board', 'reference_date', 'dossier_space_url', 'bijlage1_intro', 'bijlage1_order_note', 'bijlage1_footnote', 'bijlage2_intro'],
  },
  { name: 'ambition', key: ['id'], columns: ['id', 'code', 'name', 'focus', 'description', 'position'] },
  { name: 'hoofddossier', key: ['id'], columns: ['id', 'title', 'intro', 'link'] },
  {
    name: 'dossier',
    key: ['id'],
    columns: ['id', 'number', 'title', 'description', 'hoofddossier_id', 'note', 'link', 'owner', 'archived_at', 'created_at', 'updated_at', 'planning'],
  },
  { name: 'dossier_ambition', key: ['dossier_id', 'ambition_id'], columns: ['dossier_id', 'ambition_id'] },
  {
    name: 'dossier_phase',
    key: ['id'],
    columns: ['id', 'dossier_id', 'effective_date', 'phase', 'qualifier', 'parked', 'note', 'recorded_at'],
  },
  { name: 'dossier_priority', key: ['id'], columns: ['id', 'dossier_id', 'effective_date', 'priority', 'rank', 'note', 'recorded_at'] },
  {
    name: 'actiepunt',
    key: ['id'],
    columns: ['id', 'number', 'text', 'deadline_date', 'deadline_text', 'remarks', 'dossier_id', 'archived_at', 'created_at', 'updated_at'],
  },
  { name: 'actiepunt_sub_point', key: ['actiepunt_id', 'position'], columns: ['actiepunt_id', 'position', 'text'] },
  { name: 'actiepunt_owner', key: ['actiepunt_id', 'position'], columns: ['actiepunt_id', 'position', 'name'] },
  { name: 'actiepunt_status', key: ['id'], columns: ['id', 'actiepunt_id', 'effective_date', 'status', 'note', 'recorded_at'] },
  { name: 'evaluatiemoment', key: ['id'], columns: ['id', 'date', 'title', 'created_at'] },
];

export const up = `
CREATE TABLE undo_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  recording TEXT NOT NULL CHECK (recording IN ('undo', 'redo', 'off'))
) STRICT;
INSERT INTO undo_state (id, recording) VALUES (1, 'undo');

CREATE TABLE undo_step (
  id INTEGER PRIMARY KEY,
  stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
  call TEXT NOT NULL,
  item INTEGER,
  at TEXT NOT NULL
) STRICT;

CREATE TABLE undo_log (
  id INTEGER PRIMARY KEY,
  step INTEGER REFERENCES undo_step(id) ON DELETE CASCADE,
  stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
  statement TEXT NOT NULL
) STRICT;
CREATE INDEX undo_log_by_step ON undo_log (step);
${TABLES.map(undoTriggers).join('\n')}
`;
