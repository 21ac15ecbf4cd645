/**
 * @fileoverview The `kv` capability: each plugin's own small key-value store, the only state that
 * outlives a plugin call. In memory (for as long as the registration lives: one `iceosc run`, or
 * the app's `options.plugins` entry), or in a folder the operator names (`--kv-dir`,
 * `kvDir`): one JSON file per plugin, rewritten atomically after each change. Bounded: a plugin
 * that floods its store fails with ICE_MEMORY_LIMIT and the store keeps what it had.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readRegularText } from "../regularFile.js";
import { pluginNameProblem } from "./manifest.js";

/** A store an operator may supply (`options.plugins[].kv`); values are strings. */
export interface KvStore {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, value: string): Promise<void> | void;
  delete(key: string): Promise<boolean> | boolean;
}

/** Bounds of one plugin's store. */
export const KV_LIMITS = {
  /** Code units of a key. */
  keyUnits: 1_024,
  /** Code units of a value. */
  valueUnits: 1_048_576,
  /** Entries. */
  entries: 10_000,
  /** Code units of all keys and values together. */
  totalUnits: 8 * 1_048_576,
} as const;

/** Why a write was refused (the host turns it into ICE_MEMORY_LIMIT). */
export class KvLimitError extends Error {}

/** An in-memory store with the bounds of KV_LIMITS. */
export class MemoryKv implements KvStore {
  protected readonly entries = new Map<string, string>();
  private units = 0;

  get(key: string): string | undefined | Promise<string | undefined> {
    return this.entries.get(key);
  }

  set(key: string, value: string): void | Promise<void> {
    checkKey(key);
    if (value.length > KV_LIMITS.valueUnits)
      throw new KvLimitError(`a kv value may hold ${KV_LIMITS.valueUnits} characters, this one has ${value.length}`);
    const old = this.entries.get(key);
    const units = this.units - (old === undefined ? 0 : key.length + old.length) + key.length + value.length;
    if (old === undefined && this.entries.size >= KV_LIMITS.entries)
      throw new KvLimitError(`the kv store is full (${KV_LIMITS.entries} entries)`);
    if (units > KV_LIMITS.totalUnits)
      throw new KvLimitError(`the kv store is full (${KV_LIMITS.totalUnits} characters of keys and values)`);
    this.entries.set(key, value);
    this.units = units;
  }

  delete(key: string): boolean | Promise<boolean> {
    const old = this.entries.get(key);
    if (old === undefined) return false;
    this.entries.delete(key);
    this.units -= key.length + old.length;
    return true;
  }

  protected load(data: Record<string, string>): void {
    for (const [key, value] of Object.entries(data))
      if (typeof value === "string") MemoryKv.prototype.set.call(this, key, value);
  }

  protected snapshot(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}

/** Throws KvLimitError for a key or value longer than KV_LIMITS allows. */
export function checkKvEntry(key: string, value: string): void {
  checkKey(key);
  if (value.length > KV_LIMITS.valueUnits)
    throw new KvLimitError(`a kv value may hold ${KV_LIMITS.valueUnits} characters, this one has ${value.length}`);
}

function checkKey(key: string): void {
  if (key.length > KV_LIMITS.keyUnits)
    throw new KvLimitError(`a kv key may hold ${KV_LIMITS.keyUnits} characters, this one has ${key.length}`);
}

/**
 * Bytes of a store's file: the store's bound in code units, each at most six bytes as JSON
 * (`\u0000`), with room for quotes and separators.
 */
const FILE_BYTES_LIMIT = 8 * KV_LIMITS.totalUnits + 32 * KV_LIMITS.entries;

/**
 * A store kept in `<dir>/<plugin>.kv.json`. The plugin's name must be a plain name (a built
 * plugin's name comes from its third-party `.plugin.json`, and `../x` would put the file outside
 * `dir`), and the file is read only when it is a regular file, up to its bound (a FIFO there used
 * to hang the plugin's call: red team 7, test/security/redTeam7Plugins.test.ts).
 */
export class FolderKv extends MemoryKv {
  private loaded: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(
    private readonly dir: string,
    plugin: string,
  ) {
    super();
    const problem = pluginNameProblem(plugin);
    if (problem !== undefined) throw new RangeError(`kv store: ${problem}`);
    this.file = join(dir, `${plugin}.kv.json`);
  }

  private ready(): Promise<void> {
    this.loaded ??= Promise.resolve()
      .then(() => readRegularText(this.file, FILE_BYTES_LIMIT))
      .then(
        (text) => this.load(JSON.parse(text) as Record<string, string>),
        (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        },
      );
    return this.loaded;
  }

  private persist(): Promise<void> {
    const text = JSON.stringify(this.snapshot());
    const temp = `${this.file}.${process.pid}.tmp`;
    this.writing = this.writing.then(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, text, { mode: 0o600 });
      await rename(temp, this.file);
    });
    return this.writing;
  }

  override async get(key: string): Promise<string | undefined> {
    await this.ready();
    return this.entries.get(key);
  }

  override async set(key: string, value: string): Promise<void> {
    await this.ready();
    super.set(key, value);
    await this.persist();
  }

  override async delete(key: string): Promise<boolean> {
    await this.ready();
    const found = super.delete(key) as boolean;
    if (found) await this.persist();
    return found;
  }
}
