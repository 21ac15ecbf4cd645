/**
 * @fileoverview Library declarations for regular expressions (lowered by print/regex.ts onto the
 * Pike VM of support/regex.ts), `localeCompare` and `normalize` (host intrinsics). As in
 * TypeScript's own library, except the replacer function's extra arguments: the captures are
 * strings (a capture that did not participate stops the node with a message instead of passing
 * `undefined`), and the offset and whole-string arguments are not passed (use `exec` in a loop).
 */

export const REGEX_LIB = `
interface RegExp {
  exec(string: string): RegExpExecArray | null;
  test(string: string): boolean;
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly sticky: boolean;
  readonly unicode: boolean;
  readonly dotAll: boolean;
  lastIndex: number;
}
interface RegExpConstructor {
  new (pattern: RegExp | string, flags?: string): RegExp;
  (pattern: RegExp | string, flags?: string): RegExp;
}
declare var RegExp: RegExpConstructor;
interface RegExpMatchArray extends Array<string> {
  index?: number;
  input?: string;
  0: string;
  groups?: { [key: string]: string };
}
interface RegExpExecArray extends Array<string> {
  index: number;
  input: string;
  0: string;
  groups?: { [key: string]: string };
}
interface String {
  match(regexp: RegExp): RegExpMatchArray | null;
  matchAll(regexp: RegExp): IterableIterator<RegExpExecArray>;
  replace(searchValue: RegExp, replaceValue: string): string;
  replace(searchValue: RegExp, replacer: (substring: string, ...args: string[]) => string): string;
  replaceAll(searchValue: RegExp, replaceValue: string): string;
  replaceAll(searchValue: RegExp, replacer: (substring: string, ...args: string[]) => string): string;
  search(regexp: RegExp): number;
  split(separator: RegExp, limit?: number): string[];
  localeCompare(that: string, locales?: string, options?: CollatorOptions): number;
  normalize(form?: "NFC" | "NFD" | "NFKC" | "NFKD"): string;
}
/** Intl.Collator's options (as an object literal of constants). */
interface CollatorOptions {
  usage?: string;
  localeMatcher?: string;
  numeric?: boolean;
  caseFirst?: string;
  sensitivity?: string;
  collation?: string;
  ignorePunctuation?: boolean;
}
`;
