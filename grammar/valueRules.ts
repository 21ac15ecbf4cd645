/**
 * @fileoverview The lower rules of the .ice parser (parser.ts has the whole grammar): prompts,
 * clauses, parameters and arguments, types, values, keys, and the balanced groups of code bodies
 * and conditions. IceParser extends this class with the workflow, its statements and the nodes,
 * and runs chevrotain's self-analysis once every rule is defined.
 */
import { CstParser } from "chevrotain";
import * as t from "./tokens.js";

/** The rules below statements and nodes; only IceParser is instantiated. */
export abstract class ValueRules extends CstParser {
  prompt = this.RULE("prompt", () => {
    this.OR([{ ALT: () => this.CONSUME(t.Template) }, { ALT: () => this.CONSUME(t.StringLiteral) }]);
  });

  clause = this.RULE("clause", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Identifier);
          this.OR2([{ ALT: () => this.SUBRULE(this.value) }, { ALT: () => this.CONSUME(t.Duration) }]);
        },
      },
      {
        ALT: () => {
          this.OR3([{ ALT: () => this.CONSUME(t.InputSchema) }, { ALT: () => this.CONSUME(t.OutputSchema) }]);
          this.SUBRULE(this.objectType);
        },
      },
    ]);
  });

  params = this.RULE("params", () => {
    this.CONSUME(t.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.param);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.param);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RParen);
  });

  param = this.RULE("param", () => {
    this.SUBRULE(this.key);
    this.OPTION(() => this.CONSUME(t.Question));
    this.OPTION2(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.type);
    });
    this.OPTION3(() => {
      this.CONSUME(t.Equals);
      this.SUBRULE(this.value);
    });
  });

  arguments = this.RULE("arguments", () => {
    this.CONSUME(t.LParen);
    this.argumentList();
    this.CONSUME(t.RParen);
  });

  argument = this.RULE("argument", () => {
    this.SUBRULE(this.key);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.value);
  });

  returnType = this.RULE("returnType", () => {
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
  });

  type = this.RULE("type", () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.SUBRULE(this.objectType) },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.type);
          this.CONSUME(t.RParen);
        },
      },
    ]);
    this.MANY(() => {
      this.CONSUME(t.LBracket);
      this.CONSUME(t.RBracket);
    });
  });

  objectType = this.RULE("objectType", () => {
    this.CONSUME(t.LCurly);
    this.OPTION(() => {
      this.SUBRULE(this.typeField);
      this.MANY(() => {
        this.OR([{ ALT: () => this.CONSUME(t.Comma) }, { ALT: () => this.CONSUME(t.Semicolon) }]);
        this.SUBRULE2(this.typeField);
      });
      this.OPTION2(() => this.OR2([{ ALT: () => this.CONSUME2(t.Comma) }, { ALT: () => this.CONSUME2(t.Semicolon) }]));
    });
    this.CONSUME(t.RCurly);
  });

  typeField = this.RULE("typeField", () => {
    this.SUBRULE(this.key);
    this.OPTION(() => this.CONSUME(t.Question));
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
  });

  value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.path) },
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.CONSUME(t.Template) },
      { ALT: () => this.SUBRULE(this.objectValue) },
      { ALT: () => this.SUBRULE(this.arrayValue) },
    ]);
  });

  path = this.RULE("path", () => {
    this.CONSUME(t.Name);
    this.MANY(() => {
      this.CONSUME(t.Dot);
      this.OR([{ ALT: () => this.CONSUME2(t.Name) }, { ALT: () => this.CONSUME(t.NumberLiteral) }]);
    });
  });

  literal = this.RULE("literal", () => {
    this.OR([
      { ALT: () => this.CONSUME(t.StringLiteral) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(t.Minus));
          this.CONSUME(t.NumberLiteral);
        },
      },
      { ALT: () => this.CONSUME(t.True) },
      { ALT: () => this.CONSUME(t.False) },
      { ALT: () => this.CONSUME(t.Null) },
    ]);
  });

  objectValue = this.RULE("objectValue", () => {
    this.CONSUME(t.LCurly);
    this.argumentList();
    this.CONSUME(t.RCurly);
  });

  arrayValue = this.RULE("arrayValue", () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.value);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  key = this.RULE("key", () => {
    this.OR([{ ALT: () => this.CONSUME(t.Name) }, { ALT: () => this.CONSUME(t.StringLiteral) }]);
  });

  codeBody = this.RULE("codeBody", () => {
    this.CONSUME(t.LCurly);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.codeBody) }, { ALT: () => this.CONSUME(t.NotCurly) }]));
    this.CONSUME(t.RCurly);
  });

  group = this.RULE("group", () => {
    this.CONSUME(t.LParen);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.group) }, { ALT: () => this.CONSUME(t.NotParen) }]));
    this.CONSUME(t.RParen);
  });

  /** `(argument (',' argument)* ','?)?` (arguments and object values). */
  protected argumentList(): void {
    this.OPTION9(() => {
      this.SUBRULE(this.argument);
      this.MANY9(() => {
        this.CONSUME9(t.Comma);
        this.SUBRULE9(this.argument);
      });
      this.OPTION8(() => this.CONSUME8(t.Comma));
    });
  }
}
