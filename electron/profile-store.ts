// Who works on this computer: a name and a role, stamped on every change they make. The profile
// belongs to the installation, not to the register: it lives in profile.json in the user's data
// folder, so a register copied to another laptop (the chair's) carries the authors of its changes
// but not its owner's identity. Written whole or not at all (temporary file, flush, rename).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROFILE_ROLES, type Profile, type ProfileState } from '../shared/domain';
import { meetingPlace, profileSetInput } from '../shared/schemas';
import type { MeetingPlace } from '../shared/meeting';
import { writeTemp } from './export/atomic-file';
import { tempNameFor } from './leftovers';
import { fileDeviceStore, memoryDeviceStore, type DeviceStore } from './exchange/device-store';

export interface ProfileStore {
  state(): ProfileState;
  set(profile: Profile): ProfileState;
  /** Where this person was in a meeting's Vergadermodus (issue 12): the app reopens there after a crash. */
  place(): MeetingPlace | null;
  setPlace(place: MeetingPlace | null): MeetingPlace | null;
  /** This installation in the exchange between laptops: its device id, key and paired devices. */
  device(): DeviceStore;
}

export const PROFILE_FILE = 'profile.json';
export const PLACE_FILE = 'meeting-place.json';

/** A small file written whole or not at all: a temporary file, flushed, renamed over it. */
export function writeWhole(dir: string, file: string, value: unknown): void {
  fs.mkdirSync(dir, { recursive: true });
  const temp = tempNameFor(file);
  try {
    writeTemp(temp, Buffer.from(JSON.stringify(value, null, 2)));
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The computer's user name, as the default the first-start question offers. */
function systemUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/**
 * The profile in `dir`/profile.json. A file that is missing, unreadable or not a valid profile
 * counts as no profile (the app asks again) and is never overwritten until the user answers.
 */
export function fileProfileStore(dir: string, suggestedName: string = systemUserName()): ProfileStore {
  const file = path.join(dir, PROFILE_FILE);
  const read = (): Profile | null => {
    try {
      const parsed = profileSetInput.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  let cached: Profile | null | undefined;
  const placeFile = path.join(dir, PLACE_FILE);
  const device = fileDeviceStore(dir);
  return {
    device: () => device,
    state: () => ({ profile: (cached ??= read()), suggestedName }),
    set: (profile) => {
      writeWhole(dir, file, profile);
      cached = { name: profile.name, role: profile.role };
      return { profile: cached, suggestedName };
    },
    place: () => {
      try {
        const parsed = meetingPlace.safeParse(JSON.parse(fs.readFileSync(placeFile, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    setPlace: (place) => {
      if (place === null) fs.rmSync(placeFile, { force: true });
      else writeWhole(dir, placeFile, place);
      return place;
    },
  };
}

/** A profile held in memory only: for the tests and for scripts that name no user folder. */
export function memoryProfileStore(profile: Profile | null = null, suggestedName = ''): ProfileStore {
  let current = profile;
  let where: MeetingPlace | null = null;
  const device = memoryDeviceStore();
  return {
    device: () => device,
    state: () => ({ profile: current, suggestedName }),
    set: (next) => {
      current = { name: next.name, role: next.role };
      return { profile: current, suggestedName };
    },
    place: () => where,
    setPlace: (place) => (where = place),
  };
}

/** Whether a role is one the register knows (a stored author from a later version may not be). */
export const isRole = (role: unknown): role is Profile['role'] => (PROFILE_ROLES as readonly unknown[]).includes(role);

/** An author as stored beside a change (name, role), or null when there is none or its role is unknown. */
export const authorOf = (name: string | null | undefined, role: unknown): Profile | null =>
  name !== null && name !== undefined && isRole(role) ? { name, role } : null;
