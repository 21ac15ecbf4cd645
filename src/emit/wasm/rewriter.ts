/**
 * @fileoverview Rewrites a code body's text node by node while remembering where every piece of
 * the output came from, so that compiler errors in the rewritten body map back to the body the
 * user wrote (and from there, through BodyMap, to the workflow file).
 */

/** One stretch of output: copied from the original body, or generated for a node at `original`. */
interface Anchor {
  readonly output: number;
  readonly original: number;
  readonly copied: boolean;
}

/** Builds rewritten text; offsets are body offsets (not wrapper offsets). */
export class RewriteBuilder {
  private text = "";
  private readonly anchors: Anchor[] = [];

  constructor(private readonly source: string) {}

  /** Appends the original text `[from, to)`. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.anchors.push({ output: this.text.length, original: from, copied: true });
    this.text += this.source.slice(from, to);
  }

  /** Appends generated text attributed to the original offset `at`. */
  emit(text: string, at: number): void {
    if (text.length === 0) return;
    this.anchors.push({ output: this.text.length, original: at, copied: false });
    this.text += text;
  }

  get length(): number {
    return this.text.length;
  }

  /** The rewritten text and its offset map. */
  finish(): RewrittenBody {
    return new RewrittenBody(this.text, [...this.anchors]);
  }
}

/** A rewritten body with the map from its offsets back to the original body's. */
export class RewrittenBody {
  constructor(
    readonly text: string,
    private readonly anchors: readonly Anchor[],
  ) {}

  /** The original body offset of a rewritten-body offset. */
  originalOffset(offset: number): number {
    const anchors = this.anchors;
    let lo = 0;
    let hi = anchors.length - 1;
    if (hi < 0) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (anchors[mid]!.output <= offset) lo = mid;
      else hi = mid - 1;
    }
    const anchor = anchors[lo]!;
    return anchor.copied ? anchor.original + Math.max(0, offset - anchor.output) : anchor.original;
  }

  /** The identity rewrite of `text`. */
  static identity(text: string): RewrittenBody {
    return new RewrittenBody(text, [{ output: 0, original: 0, copied: true }]);
  }
}
