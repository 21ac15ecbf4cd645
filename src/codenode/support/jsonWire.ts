/**
 * @fileoverview The support library's wire codec of `any` fields: a JSON value (`__ice_J`, json.ts)
 * read from and written to the sandbox's input and output (format: runtime/sandbox/codec.ts).
 */

/** AssemblyScript source: reading and writing JSON values on the wire. */
export const JSON_WIRE_SUPPORT = `
// ---- the wire codec of \`any\` (runtime/sandbox/codec.ts) ------------------------------------
export function __ice_rd_json(): __ice_J {
  switch (__ice_rd_u8()) {
    case 0: return __ice_j_undef();
    case 1: return __ice_j_null();
    case 2: return __ice_jv_bool(false);
    case 3: return __ice_jv_bool(true);
    case 4: return __ice_jv_num(__ice_rd_f64());
    case 5: return __ice_jv_str(__ice_rd_str());
    case 6: {
      const n = __ice_rd_i32();
      const a = new Array<__ice_J>();
      for (let i = 0; i < n; i++) a.push(__ice_rd_json());
      return __ice_jv_arr(a);
    }
    default: {
      const n = __ice_rd_i32();
      const o = __ice_j_newobj_cap(n);
      for (let i = 0; i < n; i++) { const key = __ice_rd_str(); __ice_j_put(o, key, __ice_rd_json()); }
      return o;
    }
  }
}
export function __ice_wr_json(v: __ice_J): void {
  switch (v.k) {
    case 0: __ice_wr_u8(0); return;
    case 1: __ice_wr_u8(1); return;
    case 2: __ice_wr_u8(v.b ? 3 : 2); return;
    case 3: __ice_wr_u8(4); __ice_wr_f64(v.n); return;
    case 4: __ice_wr_u8(5); __ice_wr_str(v.s); return;
    case 5: {
      const a = v.a!;
      __ice_wr_u8(6);
      __ice_wr_i32(a.length);
      for (let i = 0; i < a.length; i++) __ice_wr_json(unchecked(a[i]));
      return;
    }
    default: {
      const f = v.o;
      let count = 0;
      for (let i = 0; i < f.n; i++) if (f.val(i).k != 0) count++;
      __ice_wr_u8(7);
      __ice_wr_i32(count);
      for (let i = 0; i < f.n; i++) {
        const e = f.val(i);
        if (e.k == 0) continue;
        __ice_wr_str(f.key(i));
        __ice_wr_json(e);
      }
    }
  }
}
`;
