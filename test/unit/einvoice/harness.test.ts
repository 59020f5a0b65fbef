import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenRules, loadRules, rulesFolder } from './validate';

const example = (name: string) => readFileSync(path.join(rulesFolder(), 'examples', name), 'utf8');

// Compiling the CEN rules takes about 20 s a syntax when idle; two at once on a busy two-core machine can take minutes (cached afterwards).
beforeAll(loadRules, 300_000);

describe('the EN 16931 validation harness', () => {
  it.each(['BIS3_Invoice_positive.XML', 'guide-example1.xml', 'ubl-tc434-creditnote1.xml', 'CII_example1.xml', 'CII_business_example_01.xml'])(
    'passes the official example %s',
    async (name) => {
      expect(await brokenRules(example(name))).toEqual([]);
    },
  );

  it('catches a UBL invoice whose payable amount does not add up', async () => {
    const broken = example('BIS3_Invoice_positive.XML').replace(/(<cbc:PayableAmount currencyID="\w+">)[^<]+/, '$19999.99');
    expect(await brokenRules(broken)).toContainEqual(expect.stringMatching(/^BR-CO-16:/));
  });

  it('catches a CII invoice without a seller name', async () => {
    const broken = example('CII_example1.xml').replace(/(<ram:SellerTradeParty>[\s\S]*?)<ram:Name>[^<]*<\/ram:Name>/, '$1');
    expect(await brokenRules(broken)).toContainEqual(expect.stringMatching(/^BR-06:/));
  });
});
