/**
 * @fileoverview `localeCompare` of plain ASCII text without leaving the sandbox, when the host's
 * default collation is one this table describes exactly.
 *
 * The host's `a.localeCompare(b)` costs a sandbox ~0.3 us (both strings copied out, an ICU
 * call): a sort of 1,000 records by a text field took ~30x direct JavaScript. For the Unicode
 * Collation Algorithm's root order (and the locales that keep it for ASCII, such as `en`), text
 * made only of the characters below compares by one primary weight per character (the order of
 * ASCII_COLLATION_CLASSES: whitespace, punctuation and symbols, digits, letters case-blind), then
 * by length, then by case at the first character that differs (lowercase first); the support
 * library (src/codenode/support/locale.ts) does that in the sandbox when the strings hold only
 * these characters, and calls the host otherwise.
 *
 * It may do so only when this describes the host's own `localeCompare` (the sandbox computes
 * what JavaScript computes on the same host): the host answers `asciiCollationHolds()` once per
 * process, from its default collator's options and locale (a language whose collation keeps the
 * root order for ASCII: no tailoring, contraction or expansion of ASCII letters, as in Czech
 * `ch`, Danish `aa` or Lithuanian `y`) and a check of the table against the collator itself.
 */

/**
 * The characters compared in the sandbox, by primary weight, ascending; the characters of one
 * class (a letter's two cases) differ only in case, lowercase first.
 */
export const ASCII_COLLATION_CLASSES: readonly string[] = [
  ..."\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789",
  ...Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i, 65 + i)),
];

/**
 * Languages whose default collation orders ASCII text as the root collation does. The default
 * locale's language must be one of these, with no collation keyword or option.
 */
const ROOT_ORDER_LANGUAGES = new Set([
  "en",
  "fr",
  "es",
  "de",
  "pt",
  "it",
  "ca",
  "fi",
  "id",
  "ms",
  "nl",
  "pl",
  "ro",
  "sl",
  "sv",
  "sw",
  "vi",
]);

let holds: boolean | undefined;

/** True when the host's default `localeCompare` orders ASCII_COLLATION_CLASSES text as described above. */
export function asciiCollationHolds(): boolean {
  holds ??= check();
  return holds;
}

function check(): boolean {
  let options: Intl.ResolvedCollatorOptions;
  try {
    options = new Intl.Collator().resolvedOptions();
  } catch {
    return false;
  }
  const language = options.locale.split("-")[0] ?? "";
  if (
    !ROOT_ORDER_LANGUAGES.has(language) ||
    options.locale.includes("-u-") ||
    options.usage !== "sort" ||
    options.sensitivity !== "variant" ||
    options.ignorePunctuation ||
    options.collation !== "default" ||
    options.numeric ||
    options.caseFirst !== "false"
  )
    return false;
  // The table against the collator: each class before the next at the primary level (decided at
  // the first character even when the second says otherwise), and each letter's lowercase
  // before its uppercase at the third level only.
  const classes = ASCII_COLLATION_CLASSES;
  for (let i = 0; i < classes.length; i++) {
    const low = classes[i]![0]!;
    if (i + 1 < classes.length) {
      const high = classes[i + 1]![0]!;
      if (low.localeCompare(high) !== -1 || `${high}a`.localeCompare(`${low}b`) !== 1) return false;
    }
    const upper = classes[i]![1];
    if (upper !== undefined) {
      if (low.localeCompare(upper) !== -1 || `${upper}a`.localeCompare(`${low}b`) !== -1) return false;
      if (`${upper}a`.localeCompare(`${low}a`) !== 1 || upper.localeCompare(upper) !== 0) return false;
    }
  }
  return true;
}
