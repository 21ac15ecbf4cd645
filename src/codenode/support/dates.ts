/**
 * @fileoverview The support library's `Date` (capability `time`): a time value in milliseconds
 * since the epoch, with ECMA-262's day arithmetic (MakeDay, MakeTime, TimeClip), the UTC
 * getters, `toISOString`, `Date.UTC`, and parsing of the ISO 8601 format JavaScript defines
 * (YYYY, YYYY-MM, YYYY-MM-DD, optionally THH:mm, :ss, .sss, Z or ±HH:mm; ±YYYYYY years),
 * accepting what V8 accepts (a day 01..31 in any month runs into the next month, 24:00). Local
 * time is UTC in a code node (as JavaScript with TZ=UTC). A string in another format is an
 * Invalid Date when JavaScript's own Date.parse cannot read it (the host answers), and traps
 * with a message when it can: engines read those by their own rules, in local time.
 */
import { STR_OPS } from "../../../runtime/sandbox/intrinsics.js";

/** AssemblyScript source: Date. */
export const DATES_SUPPORT = `

// ---- Date (time capability) ------------------------------------------------------------------
export class __ice_Date {
  constructor(public t: f64) {}
}
const __ice_MS_PER_DAY: f64 = 86400000.0;
export function __ice_time_clip(t: f64): f64 {
  if (!isFinite(t) || Math.abs(t) > 8.64e15) return NaN;
  return Math.trunc(t) + 0.0;
}
/** Days from 1970-01-01 to year-month(0-based)-01, proleptic Gregorian (exact in f64 for every finite input used). */
function __ice_days_from_civil(y: f64, m: f64): f64 {
  const yy = m < 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m < 2 ? m + 10 : m - 2;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function __ice_int(x: f64): f64 { return x != x ? 0.0 : Math.trunc(x) + 0.0; }
export function __ice_make_day(year: f64, month: f64, date: f64): f64 {
  if (!isFinite(year) || !isFinite(month) || !isFinite(date)) return NaN;
  const y = __ice_int(year);
  const m = __ice_int(month);
  const dt = __ice_int(date);
  const ym = y + Math.floor(m / 12);
  if (Math.abs(ym) > 400000.0) return NaN;
  const mn = m - Math.floor(m / 12) * 12;
  return __ice_days_from_civil(ym, mn) + dt - 1;
}
export function __ice_make_time(h: f64, m: f64, s: f64, ms: f64): f64 {
  if (!isFinite(h) || !isFinite(m) || !isFinite(s) || !isFinite(ms)) return NaN;
  return __ice_int(h) * 3600000.0 + __ice_int(m) * 60000.0 + __ice_int(s) * 1000.0 + __ice_int(ms);
}
export function __ice_make_date(day: f64, time: f64): f64 {
  if (!isFinite(day) || !isFinite(time)) return NaN;
  const tv = day * __ice_MS_PER_DAY + time;
  return isFinite(tv) ? tv : NaN;
}
/** Date.UTC(year, month, date, hours, minutes, seconds, ms) with JavaScript's defaults and 0..99 → 1900s. */
export function __ice_date_utc(y: f64, mo: f64, d: f64, h: f64, mi: f64, s: f64, ms: f64): f64 {
  let year = y;
  if (year == year) { const yi = __ice_int(year); if (yi >= 0 && yi <= 99) year = 1900 + yi; }
  return __ice_time_clip(__ice_make_date(__ice_make_day(year, mo, d), __ice_make_time(h, mi, s, ms)));
}
/** A UTC field of a time value: 0 year, 1 month, 2 date, 3 hours, 4 minutes, 5 seconds, 6 ms, 7 weekday. */
export function __ice_date_field(t: f64, field: i32): f64 {
  if (t != t) return NaN;
  const day = Math.floor(t / __ice_MS_PER_DAY);
  const ms = t - day * __ice_MS_PER_DAY;
  if (field == 3) return Math.floor(ms / 3600000.0);
  if (field == 4) return Math.floor(ms / 60000.0) % 60;
  if (field == 5) return Math.floor(ms / 1000.0) % 60;
  if (field == 6) return ms % 1000;
  if (field == 7) { const w = (day + 4) % 7; return w < 0 ? w + 7 : w + 0.0; }
  // civil_from_days
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (field == 0) return y + 0.0;
  if (field == 1) return m - 1;
  return d;
}
/**
 * A UTC setter (ECMA-262 setUTCFullYear ... setUTCMilliseconds): the \`n\` given values replace the
 * fields from \`first\` on (numbered as __ice_date_field's), the others are the date's own; an
 * invalid date stays invalid, except that setUTCFullYear starts from time value +0.
 */
export function __ice_date_set(d: __ice_Date, first: i32, n: i32, a: f64, b: f64, c: f64, e: f64): f64 {
  let t = d.t;
  if (t != t) {
    if (first != 0) return NaN;
    t = 0;
  }
  let year = __ice_date_field(t, 0), month = __ice_date_field(t, 1), date = __ice_date_field(t, 2);
  let h = __ice_date_field(t, 3), mi = __ice_date_field(t, 4), s = __ice_date_field(t, 5), ms = __ice_date_field(t, 6);
  for (let i = 0; i < n; i++) {
    const v = i == 0 ? a : i == 1 ? b : i == 2 ? c : e;
    const f = first + i;
    if (f == 0) year = v;
    else if (f == 1) month = v;
    else if (f == 2) date = v;
    else if (f == 3) h = v;
    else if (f == 4) mi = v;
    else if (f == 5) s = v;
    else ms = v;
  }
  const v = __ice_time_clip(__ice_make_date(__ice_make_day(year, month, date), __ice_make_time(h, mi, s, ms)));
  d.t = v;
  return v;
}
function __ice_pad_num(x: f64, width: i32): string {
  let s = (<i64>Math.abs(x)).toString();
  while (s.length < width) s = "0" + s;
  return s;
}
export function __ice_date_iso(t: f64): string {
  if (t != t) abort("RangeError: Invalid time value");
  const y = __ice_date_field(t, 0);
  const year = y >= 0 && y <= 9999 ? __ice_pad_num(y, 4) : (y < 0 ? "-" : "+") + __ice_pad_num(y, 6);
  return year + "-" + __ice_pad_num(__ice_date_field(t, 1) + 1, 2) + "-" + __ice_pad_num(__ice_date_field(t, 2), 2) +
    "T" + __ice_pad_num(__ice_date_field(t, 3), 2) + ":" + __ice_pad_num(__ice_date_field(t, 4), 2) + ":" +
    __ice_pad_num(__ice_date_field(t, 5), 2) + "." + __ice_pad_num(__ice_date_field(t, 6), 3) + "Z";
}
function __ice_digits(s: string, at: i32, n: i32): i32 {
  if (at + n > s.length) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(at + k);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}
/**
 * A text that is not ISO 8601: NaN (an Invalid Date) when JavaScript's Date.parse cannot read it
 * either (asked of the host, whose answer does not depend on its time zone); otherwise the node
 * stops (other formats are read in the host's local time, and code nodes have no time zone).
 */
function __ice_not_iso(s: string): f64 {
  if (__ice_str_op_raw(${STR_OPS.indexOf("dateInvalid")}, changetype<usize>(s), s.length, 0, 0, 0, 0) == 1) return NaN;
  abort("Date: '" + s + "' is not in the ISO 8601 format JavaScript defines (e.g. 2024-01-31 or 2024-01-31T12:00:00.000Z); code nodes parse only that format");
  return NaN;
}
/** Date.parse / new Date(string) for the ISO format (NaN for out-of-range fields, as V8). */
export function __ice_date_parse(s: string): f64 {
  let p = 0;
  let year: f64 = 0;
  const c0 = s.length > 0 ? s.charCodeAt(0) : 0;
  if (c0 == 43 || c0 == 45) {
    const y = __ice_digits(s, 1, 6);
    if (y < 0) return __ice_not_iso(s);
    if (c0 == 45 && y == 0) return __ice_not_iso(s);
    year = c0 == 45 ? -(<f64>y) : <f64>y;
    p = 7;
  } else {
    const y = __ice_digits(s, 0, 4);
    if (y < 0) return __ice_not_iso(s);
    year = <f64>y;
    p = 4;
  }
  let month = 1, day = 1, hour = 0, minute = 0, second = 0;
  let ms: f64 = 0;
  let dateOnly = true;
  let offset: f64 = 0;
  let hasOffset = false;
  if (p < s.length && s.charCodeAt(p) == 45) {
    month = __ice_digits(s, p + 1, 2);
    if (month < 0) return __ice_not_iso(s);
    p += 3;
    if (p < s.length && s.charCodeAt(p) == 45) {
      day = __ice_digits(s, p + 1, 2);
      if (day < 0) return __ice_not_iso(s);
      p += 3;
    }
  }
  if (p < s.length && s.charCodeAt(p) == 84) {
    dateOnly = false;
    hour = __ice_digits(s, p + 1, 2);
    if (hour < 0 || p + 3 >= s.length || s.charCodeAt(p + 3) != 58) return __ice_not_iso(s);
    minute = __ice_digits(s, p + 4, 2);
    if (minute < 0) return __ice_not_iso(s);
    p += 6;
    if (p < s.length && s.charCodeAt(p) == 58) {
      second = __ice_digits(s, p + 1, 2);
      if (second < 0) return __ice_not_iso(s);
      p += 3;
      if (p < s.length && s.charCodeAt(p) == 46) {
        p++;
        let n = 0;
        let scale: f64 = 100;
        while (p < s.length && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) {
          ms += <f64>(s.charCodeAt(p) - 48) * scale;
          scale /= 10;
          p++;
          n++;
        }
        if (n == 0) return __ice_not_iso(s);
        ms = Math.floor(ms);
      }
    }
    if (p < s.length && s.charCodeAt(p) == 90) { hasOffset = true; p++; }
    else if (p < s.length && (s.charCodeAt(p) == 43 || s.charCodeAt(p) == 45)) {
      const sign: f64 = s.charCodeAt(p) == 45 ? -1 : 1;
      const oh = __ice_digits(s, p + 1, 2);
      if (oh < 0 || p + 3 >= s.length || s.charCodeAt(p + 3) != 58) return __ice_not_iso(s);
      const om = __ice_digits(s, p + 4, 2);
      if (om < 0) return __ice_not_iso(s);
      if (oh > 23 || om > 59) return NaN;
      offset = sign * (<f64>oh * 60 + <f64>om);
      hasOffset = true;
      p += 6;
    }
  } else if (p < s.length && s.charCodeAt(p) == 90) {
    p++;
  }
  if (p != s.length) return __ice_not_iso(s);
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  if (minute > 59 || second > 59) return NaN;
  if (hour > 24 || (hour == 24 && (minute != 0 || second != 0 || ms != 0))) return NaN;
  const t = __ice_make_date(__ice_make_day(year, <f64>(month - 1), <f64>day), __ice_make_time(<f64>hour, <f64>minute, <f64>second, ms));
  // Without an offset a date-time is local time, which is UTC in a code node.
  return __ice_time_clip(hasOffset ? t - offset * 60000.0 : t);
}
`;
