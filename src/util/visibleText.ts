/**
 * @fileoverview Text from a workflow, a plugin or a tool on its way to the operator's terminal:
 * control characters (but tab and line feed) written as `\uXXXX` escapes, so an error message, a
 * log line or a diagnostic never drives the terminal (clears it, sets its title, moves the cursor
 * back over a line with `\r` to forge another). C1 controls (U+0080-U+009F) too: some terminals
 * take U+009B as the escape sequence introducer.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with control characters (but tab and line feed) written as escapes. */
export function visibleText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
