/**
 * @fileoverview Optimising a unit apart from compiling it, as JavaScript text for the compiler
 * workers (compilerWorkerScript.ts), so the two halves can run in different workers.
 *
 * Why: in a cold build most of a unit's time is binaryen's optimisation passes (~70% of a worker's
 * time per unit), while a worker that runs asc first pays ~1 s of CPU to load asc and parse
 * AssemblyScript's library. So the second worker of a build loads binaryen only and optimises the
 * units the asc worker compiled (compileWorker.ts); the asc worker optimises too when it has nothing
 * left to compile.
 *
 * `capturePlans(as, binaryen)` patches `Module.prototype.optimize` of the `assemblyscript` module so
 * that asc's optimisation step records what it would do instead of doing it: its pass list (asc's
 * own, for `--optimizeLevel`/`--shrinkLevel`), every global binaryen option it set (levels, inlining
 * limits, stack IR, ...: each getter of the binaryen module with a setter), the pass arguments it
 * set (`partial-inlining-ifs`) and the module's features. asc then writes the unoptimised module. `take()` returns the plan of the last compile.
 * `optimizeRaw(binaryen, raw, plan)` reads the unoptimised binary, sets those options and
 * features, runs the passes and writes the module: every unit goes this way, whichever worker
 * optimises it, so a build's output does not depend on the schedule. The result differs from asc's
 * own in-memory optimisation only in the order of functions (binaryen's `reorder-functions` breaks
 * ties by name, and names are not in the binary); measured over 160 corpus bodies, the code is
 * otherwise the same and 0.04% smaller.
 *
 * The plan runs `simplify-globals` and `dae` where asc asks for `simplify-globals-optimizing` and
 * `dae-optimizing` (`cheaperPasses`). The `-optimizing` variants re-run binaryen's whole function
 * pipeline on every function they changed, and in asc's -O2 plan the early ones change nearly all
 * of a unit's functions (the library's included) right before the plan's own function passes do
 * that work again: with them, those two passes plus the late `inlining-optimizing` were over half
 * of a unit's optimisation time. Plain, a unit optimises in ~20% less CPU, with code 2 bytes larger
 * per unit over the bench's 20 code nodes (bench/README.md, "Cold builds of code nodes").
 */

export const OPTIMIZE_APART_SOURCE = `
function binaryenOptions(binaryen) {
  return Object.keys(binaryen)
    .filter((k) => /^get[A-Z]/.test(k) && typeof binaryen[k] === "function" && binaryen[k].length === 0
      && typeof binaryen["set" + k.slice(3)] === "function")
    .sort();
}
const PLAIN_PASSES = { "simplify-globals-optimizing": "simplify-globals", "dae-optimizing": "dae" };
function cheaperPasses(passes) {
  return passes.map((p) => PLAIN_PASSES[p] ?? p);
}
function capturePlans(as, binaryen) {
  const names = binaryenOptions(binaryen);
  const optimize = as.Module.prototype.optimize;
  let plan = null;
  as.Module.prototype.optimize = function (...args) {
    const run = this.runPasses;
    const setArgument = this.setPassArgument;
    const clearArguments = this.clearPassArguments;
    const passArguments = [];
    this.clearPassArguments = function () { passArguments.length = 0; return clearArguments.call(this); };
    this.setPassArgument = function (key, value) { passArguments.push([key, value]); return setArgument.call(this, key, value); };
    this.runPasses = function (passes, fn) {
      if (fn) return run.call(this, passes, fn);
      const options = {};
      for (const k of names) options[k.slice(3)] = binaryen[k]();
      plan = { passes: cheaperPasses(passes), options, passArguments: [...passArguments], features: this.getFeatures() };
      // asc writes the unoptimised module next: no stack IR for it (the plan keeps the setting).
      binaryen.setGenerateStackIR(false);
      binaryen.setOptimizeStackIR(false);
    };
    try {
      return optimize.apply(this, args);
    } finally {
      delete this.runPasses;
      delete this.setPassArgument;
      delete this.clearPassArguments;
    }
  };
  return {
    take() { const p = plan; plan = null; return p; },
    restore() { as.Module.prototype.optimize = optimize; },
  };
}
function optimizeRaw(binaryen, raw, plan) {
  for (const [name, value] of Object.entries(plan.options)) binaryen["set" + name](value);
  binaryen.clearPassArguments();
  for (const [key, value] of plan.passArguments) binaryen.setPassArgument(key, value);
  const m = binaryen.readBinary(raw);
  try {
    m.setFeatures(plan.features);
    m.runPasses(plan.passes);
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}
`;
