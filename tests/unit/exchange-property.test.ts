// Issue 17's property: generated histories on two and three laptops converge (support/exchange-property.ts).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { opArbitrary, runHistory } from '../support/exchange-property';

// npm test runs 150 + 100 cases; npm run soak runs thousands (EXCHANGE_RUNS), EXCHANGE_SEED replays one.
const RUNS = Number(process.env.EXCHANGE_RUNS ?? 0);
const SEED = process.env.EXCHANGE_SEED ? { seed: Number(process.env.EXCHANGE_SEED) } : {};

describe('the exchange between laptops, as a property', () => {
  it('two laptops: any history, any order of files, then one full exchange, and both hold the same', () => {
    fc.assert(fc.property(fc.array(opArbitrary(2), { minLength: 5, maxLength: 40 }), (ops) => void runHistory(2, ops)), { numRuns: RUNS || 150, ...SEED });
  }, 600_000);

  it('three laptops: the same, with files relayed through the third', () => {
    fc.assert(fc.property(fc.array(opArbitrary(3), { minLength: 5, maxLength: 50 }), (ops) => void runHistory(3, ops)), { numRuns: RUNS || 100, ...SEED });
  }, 600_000);
});
