import { Run } from "iceosc/runtime";
const manifest = {
    "name": "sales_alert",
    "inputType": {
        "kind": "object",
        "fields": [
            {
                "name": "sheet",
                "type": {
                    "kind": "string"
                },
                "optional": false
            },
            {
                "name": "threshold",
                "type": {
                    "kind": "number"
                },
                "optional": false
            }
        ]
    },
    "nodes": {
        "sheet": {
            "kind": "tool",
            "outputType": {
                "kind": "object",
                "fields": [
                    {
                        "name": "rows",
                        "type": {
                            "kind": "array",
                            "element": {
                                "kind": "object",
                                "fields": [
                                    {
                                        "name": "region",
                                        "type": {
                                            "kind": "string"
                                        },
                                        "optional": false
                                    },
                                    {
                                        "name": "amount",
                                        "type": {
                                            "kind": "number"
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
            "toolName": "read_csv"
        },
        "totals": {
            "kind": "code",
            "sandbox": {
                "wasm": "sales_alert.totals.wasm",
                "inputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "rows",
                            "type": {
                                "kind": "array",
                                "element": {
                                    "kind": "object",
                                    "fields": [
                                        {
                                            "name": "region",
                                            "type": {
                                                "kind": "string"
                                            },
                                            "optional": false
                                        },
                                        {
                                            "name": "amount",
                                            "type": {
                                                "kind": "number"
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
                            "name": "total",
                            "type": {
                                "kind": "number"
                            },
                            "optional": false
                        },
                        {
                            "name": "mean",
                            "type": {
                                "kind": "number"
                            },
                            "optional": false
                        },
                        {
                            "name": "top_region",
                            "type": {
                                "kind": "string"
                            },
                            "optional": false
                        },
                        {
                            "name": "rows",
                            "type": {
                                "kind": "integer"
                            },
                            "optional": false
                        }
                    ]
                },
                "capabilities": [],
                "limits": {
                    "fuel": 5000000,
                    "memoryBytes": 2097152,
                    "timeoutMs": 2000
                }
            }
        },
        "over_budget": {
            "kind": "condition",
            "sandbox": {
                "wasm": "sales_alert.over_budget.wasm",
                "inputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "v0",
                            "type": {
                                "kind": "number"
                            },
                            "optional": false
                        },
                        {
                            "name": "v1",
                            "type": {
                                "kind": "number"
                            },
                            "optional": false
                        },
                        {
                            "name": "v2",
                            "type": {
                                "kind": "number"
                            },
                            "optional": false
                        }
                    ]
                },
                "outputType": {
                    "kind": "object",
                    "fields": [
                        {
                            "name": "result",
                            "type": {
                                "kind": "boolean"
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
        "alert": {
            "kind": "tool",
            "outputType": {
                "kind": "object",
                "fields": [
                    {
                        "name": "sent",
                        "type": {
                            "kind": "boolean"
                        },
                        "optional": false
                    }
                ]
            },
            "toolName": "send_alert"
        },
        "archive": {
            "kind": "tool",
            "outputType": {
                "kind": "object",
                "fields": [
                    {
                        "name": "archived",
                        "type": {
                            "kind": "boolean"
                        },
                        "optional": false
                    }
                ]
            },
            "toolName": "archive_report"
        }
    }
};
/** Runs workflow sales_alert. Rejects with an IceError (see iceosc/runtime) naming the failing node. */
export async function run(input, options = {}) {
    const rt = new Run(manifest, import.meta.url, input, options);
    const inputs = rt.inputs;
    // sheet: tool
    const sheet = await rt.tool("sheet", { path: inputs.sheet });
    // totals: code
    const totals = await rt.code("totals", { rows: sheet?.rows });
    // over_budget: condition
    const over_budget = await rt.condition("over_budget", { v0: totals?.total, v1: inputs.threshold, v2: totals?.rows });
    // alert: tool (runs when over_budget is true)
    // archive: tool (runs when over_budget is false)
    const [alert, archive] = await Promise.all([
        (over_budget?.result === true
            ? rt.tool("alert", { channel: "#sales", message: `Sales reached ${rt.text(totals?.total)} (threshold ${rt.text(inputs.threshold)}); top region ${rt.text(totals?.top_region)}` })
            : rt.skip("alert")),
        (over_budget?.result === false
            ? rt.tool("archive", { title: "Sales under threshold", body: `Total ${rt.text(totals?.total)} over ${rt.text(totals?.rows)} rows` })
            : rt.skip("archive")),
    ]);
    return rt.output({ total: totals?.total, mean: totals?.mean, top_region: totals?.top_region, alerted: over_budget?.result });
}
