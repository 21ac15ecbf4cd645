/**
 * @fileoverview What a zip archive (a DOCX) says it inflates to: the sum of its central
 * directory's uncompressed sizes (zip64 included), read without inflating anything. A document
 * whose archive declares more than the tools allow is refused at once; one whose headers lie is
 * stopped by the parser worker's heap cap (documentWorker.ts), so this is the fast, clear path,
 * not the bound itself.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const U32_MAX = 0xffffffff;

/** The declared uncompressed size of every entry, summed; undefined when the bytes are not a readable zip. */
export function declaredZipSize(bytes: Buffer): number | undefined {
  const end = findEndRecord(bytes);
  if (end === undefined) return undefined;
  let entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || offset === U32_MAX) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return undefined;
    const record = Number(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) return undefined;
    entries = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_ENTRY) return undefined;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    let size = bytes.readUInt32LE(offset + 24);
    if (size === U32_MAX) size = zip64Size(bytes, offset + 46 + nameLength, extraLength) ?? size;
    total += size;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}

/** The end of central directory record: searched backwards over the at most 64 KiB comment. */
function findEndRecord(bytes: Buffer): number | undefined {
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--)
    if (bytes.readUInt32LE(at) === EOCD) return at;
  return undefined;
}

/** The uncompressed size in an entry's zip64 extra field (id 1, whose first value it is). */
function zip64Size(bytes: Buffer, start: number, length: number): number | undefined {
  const end = Math.min(start + length, bytes.length);
  for (let at = start; at + 4 <= end; ) {
    const id = bytes.readUInt16LE(at);
    const size = bytes.readUInt16LE(at + 2);
    if (id === 1 && size >= 8 && at + 12 <= end) return Number(bytes.readBigUInt64LE(at + 4));
    at += 4 + size;
  }
  return undefined;
}
