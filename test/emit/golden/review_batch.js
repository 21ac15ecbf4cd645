import { Run } from "iceosc/runtime";
import { run as run_review_verdict } from "./review_verdict.js";
const manifest = {
    "name": "review_batch",
    "inputType": {
        "kind": "object",
        "fields": [
            {
                "name": "reviews",
                "type": {
                    "kind": "array",
                    "element": {
                        "kind": "object",
                        "fields": [
                            {
                                "name": "id",
                                "type": {
                                    "kind": "string"
                                },
                                "optional": false
                            },
                            {
                                "name": "text",
                                "type": {
                                    "kind": "string"
                                },
                                "optional": false
                            }
                        ]
                    }
                },
                "optional": false
            }
        ]
    },
    "nodes": {
        "per_review": {
            "kind": "loop"
        },
        "analyze": {
            "kind": "parallel"
        },
        "score": {
            "kind": "code",
            "sandbox": {
                "wasm": "review_batch.score.wasm",
                "inputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "text",
                            "type": {
                                "kind": "string"
                            },
                            "optional": false
                        }
                    ]
                },
                "outputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "score",
                            "type": {
                                "kind": "integer"
                            },
                            "optional": false
                        },
                        {
                            "name": "words",
                            "type": {
                                "kind": "integer"
                            },
                            "optional": false
                        }
                    ]
                },
                "capabilities": [],
                "limits": {
                    "fuel": 100000000,
                    "memoryBytes": 16777216,
                    "timeoutMs": 2000
                }
            }
        },
        "tags": {
            "kind": "tool",
            "outputType": {
                "kind": "object",
                "fields": [
                    {
                        "name": "keywords",
                        "type": {
                            "kind": "array",
                            "element": {
                                "kind": "string"
                            }
                        },
                        "optional": false
                    }
                ]
            },
            "toolName": "extract_keywords"
        },
        "verdict": {
            "kind": "workflow"
        },
        "tally": {
            "kind": "code",
            "sandbox": {
                "wasm": "review_batch.tally.wasm",
                "inputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "verdicts",
                            "type": {
                                "kind": "array",
                                "element": {
                                    "kind": "object",
                                    "fields": [
                                        {
                                            "name": "id",
                                            "type": {
                                                "kind": "string"
                                            },
                                            "optional": false
                                        },
                                        {
                                            "name": "label",
                                            "type": {
                                                "kind": "string"
                                            },
                                            "optional": false
                                        }
                                    ]
                                }
                            },
                            "optional": false
                        }
                    ]
                },
                "outputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "positive",
                            "type": {
                                "kind": "integer"
                            },
                            "optional": false
                        },
                        {
                            "name": "negative",
                            "type": {
                                "kind": "integer"
                            },
                            "optional": false
                        },
                        {
                            "name": "neutral",
                            "type": {
                                "kind": "integer"
                            },
                            "optional": false
                        }
                    ]
                },
                "capabilities": [],
                "limits": {
                    "fuel": 100000000,
                    "memoryBytes": 16777216,
                    "timeoutMs": 2000
                }
            }
        }
    }
};
/** Runs workflow review_batch. Rejects with an IceError (see iceosc/runtime) naming the failing node. */
export async function run(input, options = {}) {
    const rt = new Run(manifest, import.meta.url, input, options);
    const inputs = rt.inputs;
    // per_review: loop
    const per_review = await rt.loop("per_review", inputs.reviews, 4, async (review) => {
        let score, tags;
        // analyze: parallel
        const analyze = await rt.parallel("analyze", [
            async () => {
                // score: code
                score = await rt.code("score", { text: review?.text });
                return score;
            },
            async () => {
                // tags: tool
                tags = await rt.tool("tags", { text: review?.text, limit: 3 });
                return tags;
            },
        ]);
        // verdict: workflow
        const verdict = await rt.workflow("verdict", "review_verdict", run_review_verdict, { id: review?.id, score: score?.score, keywords: tags?.keywords });
        return verdict;
    });
    // tally: code
    const tally = await rt.code("tally", { verdicts: per_review?.results });
    return rt.output({ verdicts: per_review?.results, counts: tally });
}
