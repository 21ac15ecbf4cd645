/**
 * @fileoverview The support library's exceptions, lowered without WebAssembly exception handling:
 * a thrown value (an Error, an instance of a body class, a string, a number or a boolean) is put
 * in the pending slot `__ice_exc` and the throwing function returns; every call that may throw is
 * followed by a check that jumps to the enclosing `catch`/`finally` or returns in turn
 * (print/exceptions.ts). An exception still pending when the body returns fails the node
 * (`__ice_uncaught`). Also the line of the statement running, counted from the body's first line
 * (`__ice_set_line`), which `__ice_abort` (asc's `--use abort=...`) passes with every abort: the
 * host adds the body's place in the workflow file, so a trap names the workflow line where it
 * happened while the module stays the same wherever the body sits.
 */

/** AssemblyScript source: exceptions and trap locations. */
export const EXCEPTIONS_SUPPORT = `

// ---- exceptions and trap locations --------------------------------------------------------
@external("env", "abort") declare function __ice_host_abort(message: usize, file: usize, line: u32, column: u32): void;
const __ice_where_at: usize = memory.data(4);
/** The body line of the statement running (1: the body's first line; 0: none yet). */
export function __ice_set_line(line: i32): void { store<i32>(__ice_where_at, line); }
/** A value, after setting the line back to the statement that called a body function. */
export function __ice_ln<T>(v: T, line: i32): T { store<i32>(__ice_where_at, line); return v; }
/**
 * Every abort (asc's --use abort=...): the message, with the body line of the statement running
 * in place of asc's own file and line (no file: the host knows where the body is).
 */
export function __ice_abort(message: string | null = null, fileName: string | null = null, line: u32 = 0, column: u32 = 0): void {
  const text = message === null ? "abort" : message;
  __ice_host_abort(changetype<usize>(text), 0, <u32>load<i32>(__ice_where_at), 0);
  unreachable();
}

/** A thrown value: kind 0 an object (Error or class instance), 1 a string, 2 a number, 3 a boolean. */
export class __ice_Thrown {
  constructor(public kind: i32, public obj: Object | null, public str: string, public num: f64, public line: i32) {}
}
let __ice_exc: __ice_Thrown | null = null;
/** True while an exception propagates. */
export function __ice_pending(): bool { return __ice_exc !== null; }
export function __ice_throw(t: __ice_Thrown): void { __ice_exc = t; }
export function __ice_throw_obj<T>(v: T, line: i32): void { __ice_exc = new __ice_Thrown(0, changetype<Object>(v), "", 0, line); }
/** reduce/reduceRight of an empty array without an initial value, in a try (print/catchableReduce.ts). */
export function __ice_reduce_empty<T>(dummy: T, line: i32): T {
  __ice_throw_obj<Error>(new TypeError("Reduce of empty array with no initial value"), line);
  return dummy;
}
export function __ice_throw_str(s: string, line: i32): void { __ice_exc = new __ice_Thrown(1, null, s, 0, line); }
export function __ice_throw_num(x: f64, line: i32): void { __ice_exc = new __ice_Thrown(2, null, "", x, line); }
export function __ice_throw_bool(b: bool, line: i32): void { __ice_exc = new __ice_Thrown(3, null, "", b ? 1.0 : 0.0, line); }
/** Takes the pending exception (entering a catch or a finally). */
export function __ice_catch(): __ice_Thrown { const t = __ice_exc!; __ice_exc = null; return t; }
/** Takes the pending exception, or null when there is none (entering a finally). */
export function __ice_catch_any(): __ice_Thrown | null { const t = __ice_exc; __ice_exc = null; return t; }
/** Error.prototype.toString. */
export function __ice_error_text(e: Error): string {
  const name = e.name;
  const message = e.message;
  if (name.length == 0) return message;
  if (message.length == 0) return name;
  return name + ": " + message;
}
/** String(e) of a thrown value. */
export function __ice_thrown_text(t: __ice_Thrown): string {
  if (t.kind == 1) return t.str;
  if (t.kind == 2) return __ice_num_str(t.num);
  if (t.kind == 3) return t.num != 0 ? "true" : "false";
  const o = t.obj;
  if (o instanceof Error) return __ice_error_text(changetype<Error>(o));
  return "[object Object]";
}
/** typeof of a caught value. */
export function __ice_thrown_typeof(t: __ice_Thrown): string {
  return t.kind == 1 ? "string" : t.kind == 2 ? "number" : t.kind == 3 ? "boolean" : "object";
}
/** e instanceof T of a caught value. */
export function __ice_thrown_is<T>(t: __ice_Thrown): bool { return t.kind == 0 && t.obj instanceof T; }
/** A caught value as an instance of class T (the checker narrowed it, or the body asserted it). */
export function __ice_thrown_as<T>(t: __ice_Thrown): T {
  if (!(t.kind == 0 && t.obj instanceof T)) abort("the caught value (" + __ice_thrown_text(t) + ") is not an instance of the class it is used as");
  return changetype<T>(t.obj);
}
/** A caught value as a string or number (narrowed, or asserted). */
export function __ice_thrown_str(t: __ice_Thrown): string {
  if (t.kind != 1) abort("the caught value (" + __ice_thrown_text(t) + ") is not a string");
  return t.str;
}
export function __ice_thrown_num(t: __ice_Thrown): f64 {
  if (t.kind != 2) abort("the caught value (" + __ice_thrown_text(t) + ") is not a number");
  return t.num;
}
/** x instanceof T for a class instance (dynamic: x may be a subclass). */
export function __ice_instance_of<T, U>(x: U): bool { return changetype<Object>(x) instanceof T; }
/** A class instance the checker narrowed to subclass T. */
export function __ice_downcast<T, U>(x: U): T { return changetype<T>(x); }
/** The result of a base-class method returning this, called on a subclass instance (the receiver itself). */
export function __ice_downcast_this<T, U>(x: U): T {
  if (!(changetype<Object>(x) instanceof T)) abort("a method typed as returning 'this' returned another object");
  return changetype<T>(x);
}
/** Fails the node when an exception is still pending at the end of the body. */
export function __ice_uncaught(): void {
  const t = __ice_exc;
  if (t === null) return;
  __ice_set_line(t.line);
  abort("Uncaught " + __ice_thrown_text(t));
}
`;
