/**
 * @fileoverview Text from a workflow, a plugin or a tool on its way to the operator's terminal:
 * control characters (but tab and line feed) written as `\uXXXX` escapes, so an error message, a
 * log line or a diagnostic never drives the terminal (clears it, sets its title, moves the cursor
 * back over a line with `\r` to forge another). C1 controls (U+0080-U+009F) too: some terminals
 * take U+009B as the escape sequence introducer.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A file name or path with every control character written as an escape, tab and line feed too:
 * a path shown at the start of a line (`file:line:col - error ...`) with a line feed in its name
 * forged a line of its own, and ESC sequences in a file name drove the terminal.
 */
export function visiblePath(path: string): string {
  return path.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * `text` as one line: control characters (but tab) written as escapes, line feeds too. For a
 * diagnostic's header and notes, which hold names a workflow chose (any YAML key is a string):
 * `unknown field 'x\nforged.yaml:1:1 - error ...'` printed a forged diagnostic line (red team 10).
 */
export function visibleLine(text: string): string {
  return text.replace(CONTROL_BUT_TAB, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `text` with control characters (but tab and line feed) written as escapes. */
export function visibleText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
