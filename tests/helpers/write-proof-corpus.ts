// Writes tests/fixtures/proof/seeded-brief.txt and seeded-key.json from the clean brief and
// seeds.json (run with `npx tsx tests/helpers/write-proof-corpus.ts` after changing either).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROOF_FIXTURES, seededBrief } from './proof-corpus';

const { text, key } = seededBrief();
writeFileSync(join(PROOF_FIXTURES, 'seeded-brief.txt'), text);
writeFileSync(join(PROOF_FIXTURES, 'seeded-key.json'), `${JSON.stringify(key, null, 2)}\n`);
console.log(`${key.length} seeded errors written`);
