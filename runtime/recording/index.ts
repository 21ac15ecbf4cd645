/**
 * @fileoverview Record and replay of a run's model and tool calls.
 */
export { Recorder, requestKey } from "./recorder.js";
export { Replayer } from "./replayer.js";
export {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type RecordedCall,
  type RecordedError,
  type RecordedLlmCall,
  type RecordedToolCall,
  type Recording,
} from "./format.js";
