/**
 * @fileoverview The library declarations beyond lib/core.ts, one file per area (regular
 * expressions, JSON, ...). TypeScript merges interfaces of the same name, so an area adds members
 * to `String` or `Array<T>` by declaring `interface String { ... }` again in its own file. Every
 * member declared in a part is lowered by the printer and checked by the differential oracle.
 */
import { EXCEPTIONS_LIB } from "./exceptions.js";
import { ITERATION_LIB } from "./iteration.js";
import { JSON_LIB } from "./json.js";
import { LIBRARY_LIB } from "./library.js";
import { REGEX_LIB } from "./regex.js";

import { OBJECTS_LIB } from "./objects.js";
import { INTL_LIB } from "./intl.js";
import { UNIONS_LIB } from "./unions.js";
import { URL_LIB } from "./url.js";

/** Declaration text of each area, appended to the core library in this order. */
export const LIB_PARTS: readonly string[] = [
  ITERATION_LIB,
  LIBRARY_LIB,
  REGEX_LIB,
  EXCEPTIONS_LIB,
  OBJECTS_LIB,
  JSON_LIB,
  INTL_LIB,
  UNIONS_LIB,
  URL_LIB,
];
