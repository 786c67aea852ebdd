// The schema's history, in order. A register's PRAGMA user_version is the number of
// migrations applied to it; a migration is never edited once released, only followed.
import * as m0001 from './0001-initial';
import * as m0002 from './0002-annex-texts-and-planning';
import * as m0003 from './0003-undo-log';
import * as m0004 from './0004-audit-trail';
import * as m0005 from './0005-dossier-now';
import * as m0006 from './0006-number-marks';
import * as m0007 from './0007-change-author';
import * as m0008 from './0008-meeting-cycle';
import * as m0009 from './0009-meeting-pack';
import * as m0010 from './0010-exchange';

export interface Migration {
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-initial', up: m0001.up },
  { name: '0002-annex-texts-and-planning', up: m0002.up },
  { name: '0003-undo-log', up: m0003.up },
  { name: '0004-audit-trail', up: m0004.up },
  { name: '0005-dossier-now', up: m0005.up },
  { name: '0006-number-marks', up: m0006.up },
  { name: '0007-change-author', up: m0007.up },
  { name: '0008-meeting-cycle', up: m0008.up },
  { name: '0009-meeting-pack', up: m0009.up },
  { name: '0010-exchange', up: m0010.up },
];
