// Small changes to a finished zip (an Office file) without packing it again: every entry's time
// set to a fixed moment (a meeting pack repeats byte for byte), and one entry's text changed (the
// quote prefix in an xlsx's styles). The other entries' compressed bytes are copied as they are:
// inflating and deflating a 5,000-dossier rapportage's sheets again doubled its export time.
// Plain zip only (no zip64, one disk), which is what exceljs writes for files under 4 GB.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DATA_DESCRIPTOR_FLAG = 0x0008;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A moment as zip stores it: the local wall-clock time, in two-second steps, from 1980. */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((Math.max(1980, at.getFullYear()) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface Entry {
  name: string;
  /** The central directory record, copied. */
  central: Buffer;
  localOffset: number;
}

export interface ZipPatch {
  /** Every entry's modification time. */
  entryTime?: Date;
  /** The entry whose text changes, and how. */
  edit?: { name: string; change: (text: string) => string };
}

export function patchZip(zip: Buffer, patch: ZipPatch): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END) throw new Error('not a zip file (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  const centralStart = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let at = centralStart, i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('damaged zip (central directory)');
    const size = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)), central: Buffer.from(zip.subarray(at, at + size)), localOffset: zip.readUInt32LE(at + 42) });
    at += size;
  }
  // An entry's bytes run from its local header to the next entry's (or the central directory).
  const starts = [...entries.map((e) => e.localOffset), centralStart].sort((a, b) => a - b);
  const next = (offset: number) => starts[starts.indexOf(offset) + 1]!;
  const time = patch.entryTime ? dosTime(patch.entryTime) : null;

  const out: Buffer[] = [];
  let written = 0;
  for (const entry of entries) {
    let local: Buffer;
    if (patch.edit && entry.name === patch.edit.name) {
      const header = zip.subarray(entry.localOffset, entry.localOffset + 30);
      if (header.readUInt32LE(0) !== LOCAL) throw new Error('damaged zip (local header)');
      const nameLength = header.readUInt16LE(26);
      const dataStart = entry.localOffset + 30 + nameLength + header.readUInt16LE(28);
      const compressed = zip.subarray(dataStart, dataStart + entry.central.readUInt32LE(20));
      const text = Buffer.from(patch.edit.change(inflateRawSync(compressed).toString('utf8')), 'utf8');
      const data = deflateRawSync(text, { level: 6 });
      const crc = crc32(text);
      // A fresh local header, sizes in it (no data descriptor), the name as it was.
      local = Buffer.alloc(30 + nameLength);
      header.copy(local, 0, 0, 30);
      zip.copy(local, 30, entry.localOffset + 30, entry.localOffset + 30 + nameLength);
      local.writeUInt16LE(header.readUInt16LE(6) & ~DATA_DESCRIPTOR_FLAG, 6);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(text.length, 22);
      local.writeUInt16LE(0, 28);
      local = Buffer.concat([local, data]);
      entry.central.writeUInt16LE(entry.central.readUInt16LE(8) & ~DATA_DESCRIPTOR_FLAG, 8);
      entry.central.writeUInt16LE(8, 10);
      entry.central.writeUInt32LE(crc, 16);
      entry.central.writeUInt32LE(data.length, 20);
      entry.central.writeUInt32LE(text.length, 24);
    } else {
      local = Buffer.from(zip.subarray(entry.localOffset, next(entry.localOffset)));
      if (local.readUInt32LE(0) !== LOCAL) throw new Error('damaged zip (local header)');
    }
    if (time) {
      local.writeUInt16LE(time.time, 10);
      local.writeUInt16LE(time.date, 12);
      entry.central.writeUInt16LE(time.time, 12);
      entry.central.writeUInt16LE(time.date, 14);
    }
    entry.central.writeUInt32LE(written, 42);
    out.push(local);
    written += local.length;
  }
  const central = Buffer.concat(entries.map((e) => e.central));
  const tail = Buffer.from(zip.subarray(end, end + 22 + zip.readUInt16LE(end + 20)));
  tail.writeUInt32LE(central.length, 12);
  tail.writeUInt32LE(written, 16);
  return Buffer.concat([...out, central, tail]);
}
