// The schema's history, in order. A register's PRAGMA user_version is the number of
// migrations applied to it; a migration is never edited once released, only followed.
import * as m0001 from './0001-initial';

export interface Migration {
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [{ name: '0001-initial', up: m0001.up }];
