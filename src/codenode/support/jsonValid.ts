/**
 * @fileoverview `JSON.parse` that throws a catchable SyntaxError (print/catchableParse.ts): the
 * text is checked against JSON's grammar first, without building anything (a second pass only for
 * texts that parse), and an invalid one throws where JavaScript's would. The check accepts exactly
 * what jsonText.ts's parser accepts: white space is tab, line feed, carriage return and space;
 * strings have no code unit below the space and only the escapes \" \\ \/ \b \f \n \r \t \uXXXX;
 * numbers are -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; literals true, false, null. Texts
 * nesting deeper than the parser's limit are left to the parser, which stops the node there.
 */

/** AssemblyScript source: JSON.parse with a catchable SyntaxError. */
export const JSON_VALID_SUPPORT = `
// ---- JSON.parse under try/catch -----------------------------------------------------------
/** The code unit at i of the string at sp. */
// @ts-ignore: decorator
@inline function __ice_jc_at(sp: usize, i: i32): i32 { return <i32>load<u16>(sp + (<usize>i << 1)); }
/** The first position from i that is not JSON white space. */
function __ice_jc_ws(sp: usize, i: i32, n: i32): i32 {
  while (i < n) {
    const c = __ice_jc_at(sp, i);
    if (c != 32 && c != 10 && c != 13 && c != 9) return i;
    i++;
  }
  return i;
}
function __ice_jc_hex(c: i32): bool { return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102); }
/** The position after the string starting with the quote at i, or -1. */
function __ice_jc_string(sp: usize, i: i32, n: i32): i32 {
  let j = i + 1;
  while (j < n) {
    const c = __ice_jc_at(sp, j);
    if (c == 34) return j + 1;
    if (c < 32) return -1;
    if (c == 92) {
      if (j + 1 >= n) return -1;
      const e = __ice_jc_at(sp, j + 1);
      if (e == 117) {
        if (j + 5 >= n) return -1;
        for (let k = 2; k < 6; k++) if (!__ice_jc_hex(__ice_jc_at(sp, j + k))) return -1;
        j += 6;
      } else if (e == 34 || e == 92 || e == 47 || e == 98 || e == 102 || e == 110 || e == 114 || e == 116) j += 2;
      else return -1;
    } else j++;
  }
  return -1;
}
/** The position after the digits from i (i itself when there are none). */
function __ice_jc_digits(sp: usize, i: i32, n: i32): i32 {
  while (i < n) {
    const c = __ice_jc_at(sp, i);
    if (c < 48 || c > 57) return i;
    i++;
  }
  return i;
}
/** The position after the number starting at i, or -1. */
function __ice_jc_number(sp: usize, i: i32, n: i32): i32 {
  let j = i;
  if (__ice_jc_at(sp, j) == 45) j++;
  if (j >= n) return -1;
  const first = __ice_jc_at(sp, j);
  if (first == 48) j++;
  else if (first >= 49 && first <= 57) j = __ice_jc_digits(sp, j + 1, n);
  else return -1;
  if (j < n && __ice_jc_at(sp, j) == 46) {
    const k = __ice_jc_digits(sp, j + 1, n);
    if (k == j + 1) return -1;
    j = k;
  }
  if (j < n && (__ice_jc_at(sp, j) | 32) == 101) {
    j++;
    if (j < n && (__ice_jc_at(sp, j) == 43 || __ice_jc_at(sp, j) == 45)) j++;
    const k = __ice_jc_digits(sp, j, n);
    if (k == j) return -1;
    j = k;
  }
  return j;
}
/** The position after the literal word at i, or -1. */
function __ice_jc_word(sp: usize, i: i32, n: i32, word: string): i32 {
  const m = word.length;
  if (i + m > n) return -1;
  for (let k = 0; k < m; k++) if (__ice_jc_at(sp, i + k) != <i32>word.charCodeAt(k)) return -1;
  return i + m;
}
/** The position after an object key and its colon at i (white space skipped before), or -1. */
function __ice_jc_key(sp: usize, i: i32, n: i32): i32 {
  if (i >= n || __ice_jc_at(sp, i) != 34) return -1;
  const j = __ice_jc_string(sp, i, n);
  if (j < 0) return -1;
  const k = __ice_jc_ws(sp, j, n);
  if (k >= n || __ice_jc_at(sp, k) != 58) return -1;
  return k + 1;
}
/** True when JSON.parse accepts text (or when it nests past the parser's limit: the parser decides). */
export function __ice_j_valid(text: string): bool {
  const sp = changetype<usize>(text);
  const n = text.length;
  const open = new Array<bool>(); // true: an object
  let i = 0;
  while (true) {
    // A value at i.
    i = __ice_jc_ws(sp, i, n);
    if (i >= n) return false;
    const c = __ice_jc_at(sp, i);
    if (c == 123 || c == 91) {
      const object = c == 123;
      i = __ice_jc_ws(sp, i + 1, n);
      if (i < n && __ice_jc_at(sp, i) == c + 2) i++;
      else {
        if (open.length >= 5000) return true;
        open.push(object);
        if (object) {
          i = __ice_jc_key(sp, i, n);
          if (i < 0) return false;
        }
        continue;
      }
    } else if (c == 34) i = __ice_jc_string(sp, i, n);
    else if (c == 45 || (c >= 48 && c <= 57)) i = __ice_jc_number(sp, i, n);
    else if (c == 116) i = __ice_jc_word(sp, i, n, "true");
    else if (c == 102) i = __ice_jc_word(sp, i, n, "false");
    else if (c == 110) i = __ice_jc_word(sp, i, n, "null");
    else return false;
    if (i < 0) return false;
    // After a value: close the containers that end here, or go on after a comma.
    while (true) {
      i = __ice_jc_ws(sp, i, n);
      const depth = open.length;
      if (depth == 0) return i >= n;
      if (i >= n) return false;
      const d = __ice_jc_at(sp, i);
      const object = unchecked(open[depth - 1]);
      if (d == 44) {
        i++;
        if (object) {
          i = __ice_jc_key(sp, __ice_jc_ws(sp, i, n), n);
          if (i < 0) return false;
        }
        break;
      }
      if (d != (object ? 125 : 93)) return false;
      open.pop();
      i++;
    }
  }
}
/**
 * JSON.parse(text) in a body that catches: an invalid text throws a SyntaxError (pending, at the
 * statement's line) and the value is undefined; the caller checks for it.
 */
export function __ice_j_parse_try(text: string, line: i32): __ice_J {
  if (__ice_j_valid(text)) return __ice_j_parse(text);
  __ice_throw_obj<Error>(new SyntaxError("JSON.parse: the text is not valid JSON"), line);
  return __ice_j_undef();
}
/** The same where the catch reads the error: its message is the host engine's own (op: jsonParseError). */
export function __ice_j_parse_try_msg(text: string, line: i32, op: i32): __ice_J {
  if (__ice_j_valid(text)) return __ice_j_parse(text);
  __ice_throw_obj<Error>(new SyntaxError(__ice_host_text(op, text)), line);
  return __ice_j_undef();
}
`;
