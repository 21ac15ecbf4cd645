/**
 * Templates reach tools and models exactly as written, at any nesting depth of the generated
 * module (issue 11): a multi-line template inside a condition's branch, a loop body and a
 * parallel block arrives as the plain string, with no indentation of the emitter's inserted.
 * Both front ends; the expected text is built from the same template in the test.
 */
import { describe, expect, it } from "vitest";
import { compileAndImport } from "../helpers/compile.js";

const LINES = "Line one\n  indented two\n\n\tthree with a tab\nlast";
const yamlText = (text: string) => JSON.stringify(text);

const WORKFLOW = `name: nested_templates
input_schema: { who: string, go: boolean, items: "string[]" }
nodes:
  - id: gate
    type: condition
    expression: inputs.go
    true_path: [in_branch]
    false_path: []
  - id: in_branch
    type: tool
    tool_name: echo
    tool_args: { text: ${yamlText(`${LINES}\n{{ inputs.who }}\nend`)} }
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: item
    body:
      - id: in_loop
        type: tool
        tool_name: echo
        tool_args: { text: ${yamlText(`${LINES}\n{{ item }}\n  end`)} }
  - id: both
    type: parallel
    branches:
      - - id: in_parallel
          type: tool
          tool_name: echo
          tool_args: { text: ${yamlText(`A\nB\n    {{ inputs.who }}`)} }
      - - id: other
          type: tool
          tool_name: echo
          tool_args: { text: "x" }
outputs:
  loop: "{{ each.results }}"
  parallel: "{{ in_parallel.text }}"
`;

const ICE = `workflow nested_templates_ice(who: string, items: string[]) {
  parallel both {
    branch {
      loop each(item of inputs.items) {
        tool in_loop = echo(text: \`${LINES.replace(/\t/g, "\\t")}
\${item}
    end\`)
      }
    }
    branch { tool other = echo(text: "x") }
  }
  output loop = each.results
}
`;

/** An echo tool that also records what it received, by call. */
function echo() {
  const received: string[] = [];
  return {
    received,
    tools: {
      echo: async ({ text }: { text: string }) => {
        received.push(text);
        return { text };
      },
    },
  };
}

describe("templates inside branches, loops and parallel blocks", () => {
  it("arrive exactly as written (YAML)", async () => {
    const module = await compileAndImport({ "nested_templates.yaml": WORKFLOW }, "nested_templates.yaml");
    const who = "Ada\n  Lovelace";
    const { received, tools } = echo();
    const output = await module.run({ who, go: true, items: ["p", "q\n r"] }, { tools });
    expect(received).toContain(`${LINES}\n${who}\nend`);
    expect(output).toEqual({
      loop: [{ text: `${LINES}\np\n  end` }, { text: `${LINES}\nq\n r\n  end` }],
      parallel: `A\nB\n    ${who}`,
    });
  });

  it("arrive exactly as written (.ice)", async () => {
    const module = await compileAndImport({ "nested.ice": ICE }, "nested.ice");
    const { tools } = echo();
    const output = await module.run({ who: "w", items: ["p"] }, { tools });
    expect(output).toEqual({ loop: [{ text: `${LINES}\np\n    end` }] });
  });
});
