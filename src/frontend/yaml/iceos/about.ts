/**
 * @fileoverview What a workflow says about itself: `description` and `version`, and an iceOS
 * blueprint's `id` (or `blueprint_id`), `schema_version`, `api_version`
 * (this front end reads `blueprint.v1`; another is an error naming it) and `metadata` (`id`,
 * `name`, `description`, `tags`, `draft_name`). Kept in the plan (`about`), printed back by
 * `convert` and written into the generated module's documentation.
 */
import { didYouMean, Diagnostics } from "../../../diagnostics/index.js";
import type { WorkflowAbout } from "../../../plan/index.js";
import { isNull, type MapEntry, type YamlContext } from "../context.js";
import { BLUEPRINT_API_VERSION, IGNORED_METADATA_FIELDS, METADATA_FIELDS } from "../fieldTable.js";

type Mutable = { -readonly [K in keyof WorkflowAbout]: WorkflowAbout[K] };

/** The `about` of a workflow from its top-level fields; undefined when it has none of them. */
export function readAbout(ctx: YamlContext, fields: ReadonlyMap<string, MapEntry>): WorkflowAbout | undefined {
  const about: Mutable = {};
  const id = fields.get("id");
  if (id) about.id = ctx.text(id);
  const blueprintId = fields.get("blueprint_id");
  if (blueprintId) about.blueprintId = ctx.text(blueprintId);
  const schemaVersion = fields.get("schema_version");
  if (schemaVersion) about.schemaVersion = ctx.text(schemaVersion);
  const apiVersion = fields.get("api_version");
  if (apiVersion) {
    const text = ctx.string(apiVersion);
    if (text !== undefined && text !== BLUEPRINT_API_VERSION)
      ctx.bag.report(Diagnostics.WrongFieldType, ctx.span(apiVersion.value), [
        "api_version",
        `'${BLUEPRINT_API_VERSION}'`,
        `'${text}'`,
      ]);
    else if (text !== undefined) about.apiVersion = text;
  }
  const summary = fields.get("description");
  if (summary && !isNull(summary.value)) about.summary = ctx.text(summary);
  const version = fields.get("version");
  if (version && !isNull(version.value)) about.version = ctx.text(version);
  const metadata = fields.get("metadata");
  if (metadata && !isNull(metadata.value)) readMetadata(ctx, metadata, about);
  for (const key of Object.keys(about) as (keyof WorkflowAbout)[]) if (about[key] === undefined) delete about[key];
  return Object.keys(about).length > 0 ? about : undefined;
}

function readMetadata(ctx: YamlContext, entry: MapEntry, about: Mutable): void {
  const known = Object.keys(METADATA_FIELDS);
  for (const field of ctx.mapping(entry.value, "'metadata'", entry.keySpan) ?? []) {
    switch (field.key) {
      case "tags":
        about.tags = ctx.names(field).map((n) => n.name);
        break;
      case "id":
      case "name":
      case "description":
      case "draft_name":
        about[METADATA_FIELDS[field.key]] = ctx.text(field);
        break;
      default:
        // iceOS's metadata is free-form: a key this compiler does not keep is a warning (with a
        // suggestion, in case it is a misspelt kept one), never an error.
        ctx.bag.report(Diagnostics.IgnoredIceosField, field.keySpan, [
          "metadata field",
          field.key,
          IGNORED_METADATA_FIELDS.includes(field.key) ? "" : didYouMean(field.key, known),
        ]);
    }
  }
}
