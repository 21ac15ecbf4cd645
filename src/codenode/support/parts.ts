/**
 * @fileoverview The AssemblyScript support library beyond runtimeLib.ts, one file per area
 * (regular expressions, JSON, exceptions, ...). Each part is AssemblyScript source text compiled
 * into the same library file `~lib/__ice_js.ts` (so it may use every helper of runtimeLib.ts);
 * dead code is removed by asc, so a body pays only for what it calls.
 */

import { ARRAYS_SUPPORT } from "./arrays.js";
import { ASCII_CASE_SUPPORT } from "./asciiCase.js";
import { SAME_UNITS_SUPPORT } from "./sameUnits.js";
import { BUILDER_SUPPORT } from "./builder.js";
import { CLONE_SUPPORT } from "./clone.js";
import { COLLECTIONS_SUPPORT } from "./collections.js";
import { DATES_SUPPORT } from "./dates.js";
import { FUNCTIONS_SUPPORT } from "./functions.js";
import { ITERATION_SUPPORT } from "./iteration.js";
import { EXCEPTIONS_SUPPORT } from "./exceptions.js";
import { FAST_READS_SUPPORT } from "./fastReads.js";
import { LIBRARY_SUPPORT } from "./library.js";
import { LOCALE_SUPPORT } from "./locale.js";
import { NUMBER_TEXT_SUPPORT } from "./numberText.js";
import { NULLISH_SUPPORT } from "./nullish.js";
import { REGEX_SUPPORT } from "./regex.js";
import { REGEX_LOOK_SUPPORT } from "./regexLook.js";
import { REGEX_METHODS_SUPPORT } from "./regexMethods.js";
import { DICTIONARY_SUPPORT } from "./dictionary.js";
import { JSON_SUPPORT } from "./json.js";
import { JSON_FIELDS_SUPPORT } from "./jsonFields.js";
import { JSON_OPERATORS_SUPPORT } from "./jsonOperators.js";
import { JSON_STRINGIFY_SUPPORT } from "./jsonStringify.js";
import { JSON_TEXT_SUPPORT } from "./jsonText.js";
import { JSON_VALID_SUPPORT } from "./jsonValid.js";
import { JSON_KEYS_SUPPORT } from "./jsonKeys.js";
import { JSON_WIRE_SUPPORT } from "./jsonWire.js";
import { STRINGS_SUPPORT } from "./strings.js";
import { TEXT_SUPPORT } from "./text.js";
import { UTF8_SUPPORT } from "./utf8.js";
import { URI_ERRORS_SUPPORT } from "./uriErrors.js";
import { URL_SUPPORT } from "./url.js";
import { URL_SEARCH_PARAMS_SUPPORT } from "./urlSearchParams.js";

/** AssemblyScript source of each area, appended to the runtime library in this order. */
export const SUPPORT_PARTS: readonly string[] = [
  ARRAYS_SUPPORT,
  STRINGS_SUPPORT,
  ASCII_CASE_SUPPORT,
  SAME_UNITS_SUPPORT,
  COLLECTIONS_SUPPORT,
  ITERATION_SUPPORT,
  FAST_READS_SUPPORT,
  LIBRARY_SUPPORT,
  DATES_SUPPORT,
  REGEX_SUPPORT,
  REGEX_LOOK_SUPPORT,
  REGEX_METHODS_SUPPORT,
  LOCALE_SUPPORT,
  NUMBER_TEXT_SUPPORT,
  NULLISH_SUPPORT,
  FUNCTIONS_SUPPORT,
  EXCEPTIONS_SUPPORT,
  DICTIONARY_SUPPORT,
  JSON_SUPPORT,
  JSON_FIELDS_SUPPORT,
  JSON_OPERATORS_SUPPORT,
  JSON_TEXT_SUPPORT,
  JSON_VALID_SUPPORT,
  JSON_KEYS_SUPPORT,
  JSON_STRINGIFY_SUPPORT,
  JSON_WIRE_SUPPORT,
  BUILDER_SUPPORT,
  TEXT_SUPPORT,
  UTF8_SUPPORT,
  CLONE_SUPPORT,
  URI_ERRORS_SUPPORT,
  URL_SEARCH_PARAMS_SUPPORT,
  URL_SUPPORT,
];
