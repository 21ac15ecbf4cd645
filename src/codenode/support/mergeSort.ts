/**
 * @fileoverview The stable merge sort behind `array.sort(comparator)` (what V8's TimSort gives
 * for any consistent comparator), as AssemblyScript source made from one template: the support
 * library's generic `__ice_sort`, which calls the comparator through a function value, the index
 * sort behind `sort()` without a comparator (`__ice_sort_order`, by text), and the copies the
 * printer makes for a comparator written in the body (print/arrayMethods.ts), which
 * call it directly so that binaryen can inline it (a call through a function value cannot be).
 * Body code may not use `unchecked`, so the copies index with bounds checks.
 */

/** A merge sort function: `name<typeParameters>(a: Array<T>, ...parameters)`, ordering by `before(x, y)` (x strictly first). */
export function mergeSortSource(options: {
  readonly name: string;
  readonly typeParameters?: string;
  readonly element: string;
  readonly parameters: string;
  readonly before: (x: string, y: string) => string;
  readonly unchecked: boolean;
}): string {
  const { name, element, before } = options;
  const at = (a: string, i: string): string => (options.unchecked ? `unchecked(${a}[${i}])` : `${a}[${i}]`);
  const put = (a: string, i: string, v: string): string =>
    options.unchecked ? `unchecked(${a}[${i}] = ${v})` : `${a}[${i}] = ${v}`;
  return `function ${name}${options.typeParameters ?? ""}(a: Array<${element}>, ${options.parameters}): Array<${element}> {
  const n = a.length;
  let src = a.slice(0);
  let dst = a.slice(0);
  for (let width = 1; width < n; width <<= 1) {
    for (let lo = 0; lo < n; lo += width << 1) {
      const mid = min(lo + width, n);
      const hi = min(lo + (width << 1), n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (${before(at("src", "j"), at("src", "i"))}) ${put("dst", "k++", at("src", "j++"))};
        else ${put("dst", "k++", at("src", "i++"))};
      }
      while (i < mid) ${put("dst", "k++", at("src", "i++"))};
      while (j < hi) ${put("dst", "k++", at("src", "j++"))};
    }
    const t = src; src = dst; dst = t;
  }
  for (let k = 0; k < n; k++) ${put("a", "k", at("src", "k"))};
  return a;
}`;
}
