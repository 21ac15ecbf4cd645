/**
 * @fileoverview The oracle's corpus: realistic code-node bodies with their schemas and inputs
 * (statistics, text, records, numbers and formatting), every wrong answer of issue 11, and the
 * everyday idioms of issues 11 and 12. Run by test/oracle/corpus.test.ts.
 */
import type { OracleCase } from "../oracle.js";
import { EVERYDAY } from "./everyday.js";
import { FUZZ_FINDINGS_18 } from "./fuzzFindings18.js";
import { EVERYDAY_2 } from "./everyday2.js";
import { CLOSURES } from "./closures.js";
import { FUNCTIONS } from "./functions.js";
import { EVERYDAY_3 } from "./everyday3.js";
import { CLASSES } from "./classes.js";
import { EXCEPTIONS } from "./exceptions.js";
import { DICTIONARIES } from "./dictionaries.js";
import { FAST_PATHS } from "./fastPaths.js";
import { ASCII_CASE } from "./asciiCase.js";
import { STARTS_ENDS } from "./startsEnds.js";
import { IDIOMS } from "./idioms.js";
import { ISSUE_11 } from "./issue11.js";
import { ITERATION } from "./iteration.js";
import { LIBRARY } from "./library.js";
import { LOGICAL_ASSIGN_LOCALS } from "./logicalAssignLocals.js";
import { MISSING_READS } from "./missingReads.js";
import { JSON_CASES } from "./json.js";
import { JSON_SPEED } from "./jsonSpeed.js";
import { NUMBERS } from "./numbers.js";
import { OBJECT_PATHS } from "./objectPaths.js";
import { PRINTING } from "./printing.js";
import { RECORDS } from "./records.js";
import { ANY_ARITHMETIC_ORDER } from "./anyArithmeticOrder.js";
import { OPTIONAL_ELEMENTS } from "./optionalElements.js";
import { NESTED_PATTERNS } from "./nestedPatterns.js";
import { REGEX } from "./regex.js";
import { CONDITIONS } from "./conditions.js";
import { PARSE_AND_COMPARE } from "./parseAndCompare.js";
import { FIXED_INTEGERS } from "./fixedIntegers.js";
import { REGEX_SKIP } from "./regexSkip.js";
import { REGEX_LOOKAROUND } from "./regexLookaround.js";
import { STATISTICS } from "./statistics.js";
import { STRINGS } from "./strings.js";
import { TEXT } from "./text.js";
import { TEXT_BUILD } from "./textBuild.js";
import { MAP_INDEX } from "./mapIndex.js";
import { MAP_SPEED } from "./mapSpeed.js";
import { AI_WORKFLOWS } from "./aiWorkflows.js";
import { IDIOM_SPEED } from "./idiomSpeed.js";
import { AI_WORKFLOWS_2 } from "./aiWorkflows2.js";
import { AI_WORKFLOWS_3 } from "./aiWorkflows3.js";
import { AI_WORKFLOWS_4 } from "./aiWorkflows4.js";
import { AI_WORKFLOWS_5 } from "./aiWorkflows5.js";
import { AI_WORKFLOWS_6 } from "./aiWorkflows6.js";
import { UNICODE_PROPERTIES } from "./unicodeProperties.js";
import { AI_WORKFLOWS_7 } from "./aiWorkflows7.js";
import { AI_WORKFLOWS_8 } from "./aiWorkflows8.js";
import { AI_WORKFLOWS_9 } from "./aiWorkflows9.js";
import { AI_WORKFLOWS_9B } from "./aiWorkflows9b.js";
import { AI_WORKFLOWS_9C } from "./aiWorkflows9c.js";
import { AI_WORKFLOWS_10 } from "./aiWorkflows10.js";
import { AI_WORKFLOWS_10B } from "./aiWorkflows10b.js";
import { AI_WORKFLOWS_10C } from "./aiWorkflows10c.js";
import { AI_WORKFLOWS_11 } from "./aiWorkflows11.js";
import { REFUSALS_5 } from "./refusals5.js";
import { REFUSALS_6 } from "./refusals6.js";
import { REFUSALS_7 } from "./refusals7.js";
import { REFUSALS_8 } from "./refusals8.js";
import { REFUSALS_9 } from "./refusals9.js";
import { REFUSALS_10 } from "./refusals10.js";
import { REFUSALS_11 } from "./refusals11.js";
import { SEMANTICS_12 } from "./semantics12.js";
import { AI_WORKFLOWS_11B, AI_WORKFLOWS_11B_MORE } from "./aiWorkflows11b.js";
import { AI_WORKFLOWS_12 } from "./aiWorkflows12.js";
import { AI_WORKFLOWS_12B } from "./aiWorkflows12b.js";
import { AI_WORKFLOWS_12C } from "./aiWorkflows12c.js";
import { AI_WORKFLOWS_13 } from "./aiWorkflows13.js";
import { AI_WORKFLOWS_13B } from "./aiWorkflows13b.js";
import { AI_WORKFLOWS_13C } from "./aiWorkflows13c.js";
import { AI_WORKFLOWS_14 } from "./aiWorkflows14.js";
import { AI_WORKFLOWS_14B } from "./aiWorkflows14b.js";
import { AI_WORKFLOWS_14C } from "./aiWorkflows14c.js";
import { AI_WORKFLOWS_15 } from "./aiWorkflows15.js";
import { AI_WORKFLOWS_15B } from "./aiWorkflows15b.js";
import { AI_WORKFLOWS_15C } from "./aiWorkflows15c.js";
import { AI_WORKFLOWS_16 } from "./aiWorkflows16.js";
import { AI_WORKFLOWS_17 } from "./aiWorkflows17.js";
import { AI_WORKFLOWS_17B } from "./aiWorkflows17b.js";
import { AI_WORKFLOWS_18 } from "./aiWorkflows18.js";
import { GUARDED_CALLS } from "./guardedCalls.js";
import { URI_ERRORS } from "./uriErrors.js";
import { ERROR_CLASSES } from "./errorClasses.js";
import { EMPTY_ARRAY_RESULTS } from "./emptyArrayResults.js";
import { SWITCH_OPTIONAL } from "./switchOptional.js";
import { PARSED_RECORDS } from "./parsedRecords.js";
import { PARSED_TYPED } from "./parsedTyped.js";
import { JSON_CATCH } from "./jsonCatch.js";
import { RECURSIVE_TYPES } from "./recursiveTypes.js";
import { GENERIC_CLASSES } from "./genericClasses.js";
import { NULLABLE } from "./nullable.js";
import { NULLABLE_3 } from "./nullable3.js";
import { UNIONS } from "./unions.js";
import { RED_TEAM } from "./redTeam.js";
import { RED_TEAM_2 } from "./redTeam2.js";
import { RED_TEAM_3 } from "./redTeam3.js";
import { RED_TEAM_4 } from "./redTeam4.js";
import { CLASSES_2 } from "./classes2.js";
import { CLASS_LITERALS } from "./classLiterals.js";
import { URLS } from "./urls.js";
import { OBJECT_KEYS } from "./objectKeys.js";
import { EXAMPLES } from "./examples.js";
import { REFUSALS_4 } from "./refusals4.js";

export const CORPUS: readonly OracleCase[] = [
  ...EXAMPLES,
  ...AI_WORKFLOWS,
  ...AI_WORKFLOWS_2,
  ...AI_WORKFLOWS_3,
  ...AI_WORKFLOWS_4,
  ...AI_WORKFLOWS_5,
  ...AI_WORKFLOWS_6,
  ...UNICODE_PROPERTIES,
  ...AI_WORKFLOWS_7,
  ...AI_WORKFLOWS_8,
  ...AI_WORKFLOWS_9,
  ...AI_WORKFLOWS_9B,
  ...AI_WORKFLOWS_9C,
  ...AI_WORKFLOWS_10,
  ...AI_WORKFLOWS_10B,
  ...AI_WORKFLOWS_10C,
  ...AI_WORKFLOWS_11,
  ...AI_WORKFLOWS_11B,
  ...AI_WORKFLOWS_11B_MORE,
  ...AI_WORKFLOWS_12,
  ...AI_WORKFLOWS_12B,
  ...AI_WORKFLOWS_12C,
  ...AI_WORKFLOWS_13,
  ...AI_WORKFLOWS_13B,
  ...AI_WORKFLOWS_13C,
  ...AI_WORKFLOWS_14,
  ...AI_WORKFLOWS_14B,
  ...AI_WORKFLOWS_14C,
  ...AI_WORKFLOWS_15,
  ...AI_WORKFLOWS_15B,
  ...AI_WORKFLOWS_15C,
  ...AI_WORKFLOWS_16,
  ...AI_WORKFLOWS_17,
  ...AI_WORKFLOWS_17B,
  ...AI_WORKFLOWS_18,
  ...REFUSALS_5,
  ...REFUSALS_6,
  ...REFUSALS_7,
  ...REFUSALS_8,
  ...REFUSALS_9,
  ...REFUSALS_10,
  ...REFUSALS_11,
  ...SEMANTICS_12,
  ...GUARDED_CALLS,
  ...URI_ERRORS,
  ...ERROR_CLASSES,
  ...EMPTY_ARRAY_RESULTS,
  ...SWITCH_OPTIONAL,
  ...PARSED_RECORDS,
  ...PARSED_TYPED,
  ...JSON_CATCH,
  ...RECURSIVE_TYPES,
  ...GENERIC_CLASSES,
  ...NULLABLE,
  ...NULLABLE_3,
  ...UNIONS,
  ...RED_TEAM,
  ...CLASSES_2,
  ...CLASS_LITERALS,
  ...REFUSALS_4,
  ...RED_TEAM_2,
  ...RED_TEAM_3,
  ...RED_TEAM_4,
  ...ISSUE_11,
  ...STATISTICS,
  ...TEXT,
  ...RECORDS,
  ...NUMBERS,
  ...PRINTING,
  ...STRINGS,
  ...IDIOMS,
  ...EVERYDAY,
  ...FUZZ_FINDINGS_18,
  ...EVERYDAY_2,
  ...EVERYDAY_3,
  ...ITERATION,
  ...LIBRARY,
  ...REGEX,
  ...REGEX_SKIP,
  ...REGEX_LOOKAROUND,
  ...FIXED_INTEGERS,
  ...PARSE_AND_COMPARE,
  ...CONDITIONS,
  ...NESTED_PATTERNS,
  ...OPTIONAL_ELEMENTS,
  ...ANY_ARITHMETIC_ORDER,
  ...FUNCTIONS,
  ...CLOSURES,
  ...CLASSES,
  ...EXCEPTIONS,
  ...DICTIONARIES,
  ...JSON_CASES,
  ...JSON_SPEED,
  ...FAST_PATHS,
  ...MISSING_READS,
  ...OBJECT_PATHS,
  ...LOGICAL_ASSIGN_LOCALS,
  ...TEXT_BUILD,
  ...MAP_INDEX,
  ...MAP_SPEED,
  ...IDIOM_SPEED,
  ...ASCII_CASE,
  ...STARTS_ENDS,
  ...URLS,
  ...OBJECT_KEYS,
];
