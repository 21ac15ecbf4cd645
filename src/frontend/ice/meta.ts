/**
 * @fileoverview `meta key = value` statements: what a workflow says about itself (the iceOS
 * blueprint's `id`, `schema_version`, `api_version` and `metadata`), into the plan's `about`.
 *
 *   meta id = "getting_started.agent_demo"      meta schema_version = "1.2.0"
 *   meta blueprint_id = "bp_1234abcd"
 *   meta api_version = "blueprint.v1"           meta title = "Seller assistant"
 *   meta description = "..."                    meta tags = ["ecommerce", "demo"]
 *   meta metadata_id = "seller_demo"            meta draft_name = "Draft"
 *   meta summary = "..."  (YAML's top-level description)   meta version = "2"
 */
import { didYouMean, Diagnostics, type Span } from "../../diagnostics/index.js";
import type { Value, WorkflowAbout } from "../../plan/index.js";
import type { IceContext } from "./context.js";

/** `meta` keys to `about` fields. */
export const META_KEYS = {
  id: "id",
  blueprint_id: "blueprintId",
  schema_version: "schemaVersion",
  api_version: "apiVersion",
  title: "title",
  description: "description",
  tags: "tags",
  metadata_id: "metadataId",
  draft_name: "draftName",
  summary: "summary",
  version: "version",
} as const satisfies { readonly [key: string]: keyof WorkflowAbout };

type Mutable = { -readonly [K in keyof WorkflowAbout]: WorkflowAbout[K] };

/** The workflow's `about` from its `meta` statements; undefined when there are none. */
export function readMeta(
  ice: IceContext,
  metas: readonly { key: string; span: Span; value: Value }[],
): WorkflowAbout | undefined {
  if (metas.length === 0) return undefined;
  const about: Mutable = {};
  const seen = new Set<string>();
  for (const { key, span, value } of metas) {
    const keys: { readonly [key: string]: keyof WorkflowAbout | undefined } = META_KEYS;
    const field = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (!field) {
      ice.bag.report(Diagnostics.UnknownEntryField, span, [
        key,
        "the workflow's meta",
        didYouMean(key, Object.keys(META_KEYS)),
      ]);
      continue;
    }
    if (seen.has(key)) {
      ice.bag.report(Diagnostics.DuplicateKey, span, [key, "the workflow's meta"]);
      continue;
    }
    seen.add(key);
    if (field === "tags") {
      const tags = value.kind === "array" ? value.items.map((i) => (i.kind === "literal" ? i.value : undefined)) : [];
      if (value.kind !== "array" || !tags.every((t): t is string => typeof t === "string"))
        ice.bag.report(Diagnostics.WrongFieldType, value.span, ["tags", "a list of strings", "something else"]);
      else about.tags = tags;
    } else if (value.kind === "literal" && typeof value.value === "string") about[field] = value.value;
    else ice.bag.report(Diagnostics.WrongFieldType, value.span, [key, "a string", "something else"]);
  }
  return Object.keys(about).length > 0 ? about : undefined;
}
