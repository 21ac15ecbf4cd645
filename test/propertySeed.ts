/**
 * @fileoverview Property tests (fast-check) run on a fixed seed in `npm test`, so a run's outcome
 * never depends on luck; `FC_SEED=<n>` replays another seed, `FC_SEED=random` explores. Wider
 * random exploration belongs to `npm run fuzz`.
 */
import fc from "fast-check";

const configured = process.env.FC_SEED;
if (configured !== "random") fc.configureGlobal({ seed: configured === undefined ? 20_261_130 : Number(configured) });
