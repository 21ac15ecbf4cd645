/**
 * @fileoverview Library declarations of `URL` and `URLSearchParams` (no capability: parsing and
 * serializing text has no effect and depends on nothing outside the body). Lowered by
 * print/urls.ts and print/urlSearchParams.ts to support/url.ts and support/urlSearchParams.ts,
 * checked by the oracle (test/oracle/corpus/urls.ts). A URL's parts other than `search`, `hash`
 * and `pathname` are read-only here: their setters are refused by TypeScript (TS2540).
 */

export const URL_LIB = `
interface URLSearchParams {
  readonly size: number;
  append(name: string, value: string): void;
  delete(name: string, value?: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string, value?: string): boolean;
  set(name: string, value: string): void;
  sort(): void;
  toString(): string;
  forEach(callbackfn: (value: string, key: string, parent: URLSearchParams) => void): void;
  [Symbol.iterator](): IterableIterator<[string, string]>;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: [string, string][] | string[][] | Record<string, string> | string | URLSearchParams): URLSearchParams;
};
interface URL {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  pathname: string;
  search: string;
  hash: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
  toJSON(): string;
}
declare var URL: {
  prototype: URL;
  new (url: string | URL, base?: string | URL): URL;
  canParse(url: string | URL, base?: string | URL): boolean;
};
`;
