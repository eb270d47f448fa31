import { readFileSync } from 'node:fs';
import { importReport } from './content/import';
import { composeDoc } from './content/compose/doc';
import { emptyBriefing } from './content/model/briefing';
import { buildPicturedDocx } from './tests/fixtures/brief/build-pictured';
const show = async (name: string, bytes: Uint8Array) => {
  const r = await importReport({ name, bytes });
  console.log('==', name, r.title, '|', r.subtitle, '|', r.issuer, r.date, r.speaker);
  const d = composeDoc(r, { ...emptyBriefing(), briefTemplate: 'gbt9704' });
  for (const b of d.blocks) console.log(b.kind, JSON.stringify(b).slice(0, 140));
};
await show('points.txt', readFileSync('tests/fixtures/brief/points-numbered.txt'));
await show('speech.txt', readFileSync('tests/fixtures/brief/speech.txt'));
await show('pic.docx', await buildPicturedDocx());
