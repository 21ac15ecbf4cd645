/**
 * @fileoverview Types in a recursive node's convergence test: `iteration` (an integer, the rounds
 * run so far), `last` (the last round's output: its output_schema, else `{ text }`) and that
 * output's fields by themselves (`text`, or `agreed` of an output_schema); any other path is
 * read as anywhere in the workflow. The checker and the sandbox lowering both type it here.
 */
import { INTEGER, STRING, type ObjectType, type SchemaType } from "../../runtime/schema.js";
import { ROUND_ROOTS, roundRoots, type RecursiveNode } from "../plan/index.js";
import { agentOutputType, selectSegment } from "./types.js";

/** The type of a path, or undefined when it names nothing. */
export type PathOracle = (path: readonly string[]) => SchemaType | undefined;

const TEXT_OUTPUT: ObjectType = { kind: "object", fields: [{ name: "text", type: STRING, optional: false }] };

/** Types the paths of `node`'s convergence test; `outer` types everything else. */
export function roundTypeOracle(node: RecursiveNode, outer: PathOracle): PathOracle {
  const round: ObjectType = node.outputSchema ? agentOutputType(node.outputSchema) : TEXT_OUTPUT;
  const local = roundRoots(node);
  return (path) => {
    const [root, ...rest] = path;
    if (root === undefined || !local.has(root)) return outer(path);
    let type: SchemaType | undefined =
      root === ROUND_ROOTS.iteration
        ? INTEGER
        : root === ROUND_ROOTS.last
          ? round
          : round.fields.find((f) => f.name === root)?.type;
    for (const segment of rest) type = type && selectSegment(type, segment);
    return type;
  };
}
