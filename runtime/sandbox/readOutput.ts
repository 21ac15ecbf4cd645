/**
 * @fileoverview Reads what a module returned from its memory: a length-prefixed output message at
 * the pointer `__ice_run` returned, bounds-checked against the memory, decoded with the output
 * schema's decoder and with no trailing bytes (wire format: codec.ts). A module that breaks any of
 * this gets a WireError, which the caller classifies. Shared by the sandbox host (program.ts) and
 * plugin tools (runtime/plugins/program.ts).
 */
import { WireError, WireReader, type Decoder } from "./codec.js";

/** The output message at `at` in `memory`, decoded by `decode`; throws WireError. */
export function readOutput(memory: WebAssembly.Memory, at: number, decode: Decoder): Record<string, unknown> {
  return readOutputFrom(new Uint8Array(memory.buffer), new DataView(memory.buffer), at, decode);
}

/** The same, given views of the whole of the memory's current buffer (the caller may keep them between runs). */
export function readOutputFrom(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  decode: Decoder,
): Record<string, unknown> {
  if (at < 1 || at + 4 > bytes.length) throw new WireError("output pointer out of bounds");
  const length = view.getUint32(at, true);
  if (length > bytes.length - at - 4) throw new WireError("output length out of bounds");
  const reader = new WireReader(bytes, view, at + 4, at + 4 + length);
  const output = decode(reader) as Record<string, unknown>;
  if (reader.pos !== reader.end) throw new WireError("output message has trailing bytes");
  return output;
}
