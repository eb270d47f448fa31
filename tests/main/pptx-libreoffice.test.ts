import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDeck } from '../../content/compose/deck';
import { importReport } from '../../content/import';
import { emptyBriefing } from '../../content/model/briefing';
import { deckToPptx } from '../../main/export/pptx';
import type { Deck } from '../../templates/model';
import { builtinRegistry } from '../../templates/registry';
import { displayTitle } from '../../templates/scene/geometry';
import { allLayouts, hostile } from '../fixtures/deck/reports';
import { LOGO_PNG } from '../fixtures/deck/png';
import { readReportBytes, ROOT } from '../helpers/paths';

/**
 * The .pptx opens in LibreOffice Impress (what Kylin and UOS desktops ship besides WPS): headless
 * conversion to PDF gives exactly one page per slide, with the slides' text. The pages are also
 * rendered to PNG in tests/artifacts/pptx/ for people to look at.
 */

const registry = builtinRegistry();
const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'pptx');
let dir = '';
const decks: { name: string; deck: Deck; themeId: string }[] = [];

const pdfPages = (file: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const squash = (s: string): string => s.replace(/\s+/g, '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pptx-lo-'));
  const newspaper = await importReport({ name: 'qinghe.txt', bytes: readReportBytes() });
  const fixtures = [
    { name: 'layouts', ...allLayouts() },
    { name: 'hostile', ...hostile() },
    { name: 'newspaper', report: newspaper, briefing: emptyBriefing() },
  ];
  const files: string[] = [];
  for (const fx of fixtures)
    for (const themeId of ['gov-red', 'gov-blue', 'plain']) {
      if (fx.name !== 'layouts' && themeId !== 'gov-red') continue;
      const theme = registry.get('deck', themeId);
      const deck = composeDeck(fx.report, { ...fx.briefing, deckTemplate: themeId }, theme, {
        logo: { mime: 'image/png', data: LOGO_PNG },
      });
      const file = join(dir, `${fx.name}-${themeId}.pptx`);
      writeFileSync(file, await deckToPptx(deck, theme));
      files.push(file);
      decks.push({ name: `${fx.name}-${themeId}`, deck, themeId });
    }
  // a throwaway profile, so the conversion never touches (or waits on) a user's LibreOffice
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
    {
      stdio: 'pipe',
      timeout: 240_000,
    },
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the .pptx in LibreOffice Impress', () => {
  it('converts to a PDF with exactly as many pages as slides, for every theme', () => {
    expect(decks).toHaveLength(5);
    for (const { name, deck } of decks)
      expect(pdfPages(join(dir, `${name}.pdf`)), name).toBe(deck.slides.length);
  });

  it('shows every slide title as text (native text boxes, not pictures)', () => {
    for (const { name, deck, themeId } of decks) {
      const text = squash(execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }));
      for (const s of deck.slides) {
        const title =
          s.layout === 'quote' ? (s.quote?.text ?? '') : displayTitle(s, registry.get('deck', themeId));
        // LibreOffice may break a long title across lines and a word across them: compare without spaces
        expect(text, `${name} ${s.id}`).toContain(squash(title).slice(0, 12));
      }
    }
  });

  it('shows report markup as the characters typed', () => {
    const text = execFileSync('pdftotext', [join(dir, 'hostile-gov-red.pdf'), '-'], { encoding: 'utf8' });
    expect(squash(text)).toContain(squash('<a href="javascript:window.__pwned=3">点我</a>'));
  });

  it('renders every page for review in tests/artifacts/pptx', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const { name } of decks)
      execFileSync('pdftoppm', ['-r', '48', '-png', join(dir, `${name}.pdf`), join(ARTIFACTS, name)]);
    const page1 = readFileSync(join(ARTIFACTS, `layouts-gov-red-01.png`));
    expect(page1.subarray(1, 4).toString()).toBe('PNG');
  });
});
