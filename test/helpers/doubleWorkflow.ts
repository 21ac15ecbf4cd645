/**
 * @fileoverview A workflow with one sandboxed code node (doubles its input): the smallest build
 * that types a body and compiles it, for tests of the compiler's caches.
 */
export const DOUBLE_WORKFLOW = `
name: double
input_schema: { n: number }
nodes:
  - id: twice
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: number }
    output_schema: { y: number }
    code: "return { y: inputs.n * 2 };"
outputs: { y: "{{ twice.y }}" }
`;
