/**
 * @fileoverview The sort behind `array.sort(comparator)` and `toSorted(comparator)`: V8's TimSort
 * (the algorithm of CPython's listsort, which V8's Array.prototype.sort follows), step for step,
 * so the comparator is called on the same pairs in the same order as in JavaScript. A stable merge
 * sort gives the same result for a consistent comparator, but not for one that is not a total
 * order (`Math.abs(a - b) < eps ? 0 : a - b`, `a - b > 2 ? 1 : -1`) or that counts or records its
 * calls: those were silent differences (oracle redteam3/sort-*). As in V8, the elements are sorted
 * in a copy (a comparator reading the array sees it unchanged) and written back at the end (a
 * comparator that throws leaves the array as it was).
 *
 * Made from one template: the support library's generic `__ice_sort`, which calls the comparator
 * through a function value, the index sort behind `sort()` without a comparator
 * (`__ice_sort_order`, by text), and the copies the printer makes for a comparator written in the
 * body (print/arrayMethods.ts), which call it directly so that binaryen can inline it (a call
 * through a function value cannot be). Body code may not use `unchecked`, so the copies index
 * with bounds checks. Each sort is a main function `name` (first in the text, so `export` may
 * precede it) and its helpers `name_gl`, `name_gr` (gallops), `name_lo`, `name_hi` (merges),
 * `name_at` (merge of two pending runs); runs of elements move with `__ice_sort_move`
 * (support/arrays.ts, one memory.copy); `before(x, y)` is `compare(x, y) < 0`.
 * The state array `st` holds the gallop threshold (st[0]), the number of pending runs (st[1]) and
 * each run's base and length (st[2 + 2i], st[3 + 2i]).
 */

/** A sort function: `name<typeParameters>(a: Array<T>, ...parameters)`, ordering by `before(x, y)` (x strictly first). */
export function mergeSortSource(options: {
  readonly name: string;
  readonly typeParameters?: string;
  readonly element: string;
  readonly parameters: string;
  readonly before: (x: string, y: string) => string;
  readonly unchecked: boolean;
}): string {
  const { name, element: El, parameters: P } = options;
  const tp = options.typeParameters ?? "";
  const args = parameterNames(P).join(", ");
  const at = (a: string, i: string): string => (options.unchecked ? `unchecked(${a}[${i}])` : `${a}[${i}]`);
  const put = (a: string, i: string, v: string): string =>
    options.unchecked ? `unchecked(${a}[${i}] = ${v})` : `${a}[${i}] = ${v}`;
  const lt = (x: string, y: string): string => `(${options.before(x, y)})`;
  const call = (helper: string, rest: string): string => `${name}_${helper}${tp}(${rest}, ${args})`;
  const cp = (rest: string): string => `__ice_sort_move<${El}>(${rest})`;
  const len = (k: string): string => at("st", `3 + 2 * (${k})`);
  return `function ${name}${tp}(a: Array<${El}>, ${P}): Array<${El}> {
  const n = a.length;
  if (n < 2) return a;
  const w = a.slice(0);
  // Below 64 elements the whole array is one run (binary insertion): no merge, no merge buffer.
  const tmp = n < 64 ? w : a.slice(0);
  const st = new Array<i32>(n < 64 ? 4 : 2 + 2 * 85);
  ${put("st", "0", "7")};
  let m = n;
  let r = 0;
  while (m >= 64) { r |= m & 1; m >>= 1; }
  const minRun = m + r;
  let low = 0;
  let remaining = n;
  while (remaining != 0) {
    const high = low + remaining;
    let run = 1;
    if (low + 1 < high) {
      run = 2;
      const desc = ${lt(at("w", "low + 1"), at("w", "low"))};
      for (let i = low + 2; i < high; i++) {
        const o = ${lt(at("w", "i"), at("w", "i - 1"))};
        if (desc ? !o : o) break;
        run++;
      }
      if (desc) {
        let x = low;
        let y = low + run - 1;
        while (x < y) { const t = ${at("w", "x")}; ${put("w", "x", at("w", "y"))}; ${put("w", "y", "t")}; x++; y--; }
      }
    }
    if (run < minRun) {
      const forced = min(minRun, remaining);
      for (let start = low + run; start < low + forced; start++) {
        let left = low;
        let right = start;
        const pivot = ${at("w", "start")};
        while (left < right) {
          const mid = left + ((right - left) >> 1);
          if (${lt("pivot", at("w", "mid"))}) right = mid;
          else left = mid + 1;
        }
        ${cp("w, left, w, left + 1, start - left")};
        ${put("w", "left", "pivot")};
      }
      run = forced;
    }
    const sp = ${at("st", "1")};
    ${put("st", "2 + 2 * sp", "low")};
    ${put("st", "3 + 2 * sp", "run")};
    ${put("st", "1", "sp + 1")};
    while (${at("st", "1")} > 1) {
      let k = ${at("st", "1")} - 2;
      const broken = (k + 1 >= 2 && ${len("k - 1")} <= ${len("k")} + ${len("k + 1")}) || (k >= 2 && ${len("k - 2")} <= ${len("k - 1")} + ${len("k")});
      if (broken) {
        if (${len("k - 1")} < ${len("k + 1")}) k--;
        ${call("at", "w, tmp, st, k")};
      } else if (${len("k")} <= ${len("k + 1")}) {
        ${call("at", "w, tmp, st, k")};
      } else break;
    }
    low += run;
    remaining -= run;
  }
  while (${at("st", "1")} > 1) {
    let k = ${at("st", "1")} - 2;
    if (k > 0 && ${len("k - 1")} < ${len("k + 1")}) k--;
    ${call("at", "w, tmp, st, k")};
  }
  for (let k = 0; k < n; k++) {
    if (k < a.length) ${put("a", "k", at("w", "k"))};
    else a.push(${at("w", "k")});
  }
  return a;
}
function ${name}_gl${tp}(key: ${El}, a: Array<${El}>, base: i32, count: i32, hint: i32, ${P}): i32 {
  let last = 0;
  let ofs = 1;
  if (${lt(at("a", "base + hint"), "key")}) {
    const maxOfs = count - hint;
    while (ofs < maxOfs) {
      if (!${lt(at("a", "base + hint + ofs"), "key")}) break;
      last = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxOfs;
    }
    if (ofs > maxOfs) ofs = maxOfs;
    last += hint;
    ofs += hint;
  } else {
    const maxOfs = hint + 1;
    while (ofs < maxOfs) {
      if (${lt(at("a", "base + hint - ofs"), "key")}) break;
      last = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxOfs;
    }
    if (ofs > maxOfs) ofs = maxOfs;
    const t = last;
    last = hint - ofs;
    ofs = hint - t;
  }
  last++;
  while (last < ofs) {
    const mid = last + ((ofs - last) >> 1);
    if (${lt(at("a", "base + mid"), "key")}) last = mid + 1;
    else ofs = mid;
  }
  return ofs;
}
function ${name}_gr${tp}(key: ${El}, a: Array<${El}>, base: i32, count: i32, hint: i32, ${P}): i32 {
  let last = 0;
  let ofs = 1;
  if (${lt("key", at("a", "base + hint"))}) {
    const maxOfs = hint + 1;
    while (ofs < maxOfs) {
      if (!${lt("key", at("a", "base + hint - ofs"))}) break;
      last = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxOfs;
    }
    if (ofs > maxOfs) ofs = maxOfs;
    const t = last;
    last = hint - ofs;
    ofs = hint - t;
  } else {
    const maxOfs = count - hint;
    while (ofs < maxOfs) {
      if (${lt("key", at("a", "base + hint + ofs"))}) break;
      last = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxOfs;
    }
    if (ofs > maxOfs) ofs = maxOfs;
    last += hint;
    ofs += hint;
  }
  last++;
  while (last < ofs) {
    const mid = last + ((ofs - last) >> 1);
    if (${lt("key", at("a", "base + mid"))}) ofs = mid;
    else last = mid + 1;
  }
  return ofs;
}
function ${name}_at${tp}(w: Array<${El}>, tmp: Array<${El}>, st: Array<i32>, i: i32, ${P}): void {
  const size = ${at("st", "1")};
  let baseA = ${at("st", "2 + 2 * i")};
  let lenA = ${at("st", "3 + 2 * i")};
  const baseB = ${at("st", "4 + 2 * i")};
  let lenB = ${at("st", "5 + 2 * i")};
  ${put("st", "3 + 2 * i", "lenA + lenB")};
  if (i == size - 3) {
    ${put("st", "4 + 2 * i", at("st", "6 + 2 * i"))};
    ${put("st", "5 + 2 * i", at("st", "7 + 2 * i"))};
  }
  ${put("st", "1", "size - 1")};
  const k = ${call("gr", `${at("w", "baseB")}, w, baseA, lenA, 0`)};
  baseA += k;
  lenA -= k;
  if (lenA == 0) return;
  lenB = ${call("gl", `${at("w", "baseA + lenA - 1")}, w, baseB, lenB, lenB - 1`)};
  if (lenB == 0) return;
  if (lenA <= lenB) ${call("lo", "w, tmp, st, baseA, lenA, baseB, lenB")};
  else ${call("hi", "w, tmp, st, baseA, lenA, baseB, lenB")};
}
function ${name}_lo${tp}(w: Array<${El}>, tmp: Array<${El}>, st: Array<i32>, baseA: i32, lenA: i32, baseB: i32, lenB: i32, ${P}): void {
  ${cp("w, baseA, tmp, 0, lenA")};
  let dest = baseA;
  let ct = 0;
  let cb = baseB;
  ${put("w", "dest", at("w", "cb"))};
  dest++;
  cb++;
  // 1: the rest of A goes last; 2: A's last element goes after the rest of B
  let exit = 0;
  if (--lenB == 0) exit = 1;
  else if (lenA == 1) exit = 2;
  let minGallop = ${at("st", "0")};
  while (exit == 0) {
    let winsA = 0;
    let winsB = 0;
    while (true) {
      if (${lt(at("w", "cb"), at("tmp", "ct"))}) {
        ${put("w", "dest", at("w", "cb"))};
        dest++; cb++; winsB++; lenB--; winsA = 0;
        if (lenB == 0) { exit = 1; break; }
        if (winsB >= minGallop) break;
      } else {
        ${put("w", "dest", at("tmp", "ct"))};
        dest++; ct++; winsA++; lenA--; winsB = 0;
        if (lenA == 1) { exit = 2; break; }
        if (winsA >= minGallop) break;
      }
    }
    if (exit != 0) break;
    minGallop++;
    let first = true;
    while (winsA >= 7 || winsB >= 7 || first) {
      first = false;
      minGallop = max(1, minGallop - 1);
      ${put("st", "0", "minGallop")};
      winsA = ${call("gr", `${at("w", "cb")}, tmp, ct, lenA, 0`)};
      if (winsA > 0) {
        ${cp("tmp, ct, w, dest, winsA")};
        dest += winsA; ct += winsA; lenA -= winsA;
        if (lenA == 1) { exit = 2; break; }
        if (lenA == 0) { exit = 1; break; }
      }
      ${put("w", "dest", at("w", "cb"))};
      dest++; cb++;
      if (--lenB == 0) { exit = 1; break; }
      winsB = ${call("gl", `${at("tmp", "ct")}, w, cb, lenB, 0`)};
      if (winsB > 0) {
        ${cp("w, cb, w, dest, winsB")};
        dest += winsB; cb += winsB; lenB -= winsB;
        if (lenB == 0) { exit = 1; break; }
      }
      ${put("w", "dest", at("tmp", "ct"))};
      dest++; ct++;
      if (--lenA == 1) { exit = 2; break; }
    }
    if (exit != 0) break;
    minGallop++;
    ${put("st", "0", "minGallop")};
  }
  if (exit == 1) {
    if (lenA > 0) ${cp("tmp, ct, w, dest, lenA")};
  } else {
    ${cp("w, cb, w, dest, lenB")};
    ${put("w", "dest + lenB", at("tmp", "ct"))};
  }
}
function ${name}_hi${tp}(w: Array<${El}>, tmp: Array<${El}>, st: Array<i32>, baseA: i32, lenA: i32, baseB: i32, lenB: i32, ${P}): void {
  ${cp("w, baseB, tmp, 0, lenB")};
  let dest = baseB + lenB - 1;
  let ct = lenB - 1;
  let ca = baseA + lenA - 1;
  ${put("w", "dest", at("w", "ca"))};
  dest--;
  ca--;
  // 1: the rest of B goes first; 2: B's first element goes before the rest of A
  let exit = 0;
  if (--lenA == 0) exit = 1;
  else if (lenB == 1) exit = 2;
  let minGallop = ${at("st", "0")};
  while (exit == 0) {
    let winsA = 0;
    let winsB = 0;
    while (true) {
      if (${lt(at("tmp", "ct"), at("w", "ca"))}) {
        ${put("w", "dest", at("w", "ca"))};
        dest--; ca--; winsA++; lenA--; winsB = 0;
        if (lenA == 0) { exit = 1; break; }
        if (winsA >= minGallop) break;
      } else {
        ${put("w", "dest", at("tmp", "ct"))};
        dest--; ct--; winsB++; lenB--; winsA = 0;
        if (lenB == 1) { exit = 2; break; }
        if (winsB >= minGallop) break;
      }
    }
    if (exit != 0) break;
    minGallop++;
    let first = true;
    while (winsA >= 7 || winsB >= 7 || first) {
      first = false;
      minGallop = max(1, minGallop - 1);
      ${put("st", "0", "minGallop")};
      let k = ${call("gr", `${at("tmp", "ct")}, w, baseA, lenA, lenA - 1`)};
      winsA = lenA - k;
      if (winsA > 0) {
        dest -= winsA; ca -= winsA;
        ${cp("w, ca + 1, w, dest + 1, winsA")};
        lenA -= winsA;
        if (lenA == 0) { exit = 1; break; }
      }
      ${put("w", "dest", at("tmp", "ct"))};
      dest--; ct--;
      if (--lenB == 1) { exit = 2; break; }
      k = ${call("gl", `${at("w", "ca")}, tmp, 0, lenB, lenB - 1`)};
      winsB = lenB - k;
      if (winsB > 0) {
        dest -= winsB; ct -= winsB;
        ${cp("tmp, ct + 1, w, dest + 1, winsB")};
        lenB -= winsB;
        if (lenB == 1) { exit = 2; break; }
        if (lenB == 0) { exit = 1; break; }
      }
      ${put("w", "dest", at("w", "ca"))};
      dest--; ca--;
      if (--lenA == 0) { exit = 1; break; }
    }
    if (exit != 0) break;
    minGallop++;
    ${put("st", "0", "minGallop")};
  }
  if (exit == 1) {
    if (lenB > 0) ${cp("tmp, 0, w, dest - (lenB - 1), lenB")};
  } else {
    dest -= lenA;
    ca -= lenA;
    ${cp("w, ca + 1, w, dest + 1, lenA")};
    ${put("w", "dest", at("tmp", "ct"))};
  }
}`;
}

/** The names of a parameter list's parameters (`f: (e: E, x: T) => f64, e: E` gives f, e). */
function parameterNames(parameters: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= parameters.length; i++) {
    const c = parameters[i];
    if (c === "(" || c === "<") depth++;
    else if (c === ")" || (c === ">" && parameters[i - 1] !== "=")) depth--;
    else if ((c === "," && depth === 0) || i === parameters.length) {
      names.push(parameters.slice(start, i).split(":")[0]!.trim());
      start = i + 1;
    }
  }
  return names;
}
