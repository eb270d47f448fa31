import { describe, expect, it } from 'vitest';
import {
  AssetError,
  checkOfficeTemplateSize,
  officeTemplateFile,
  officeTemplateRecord,
  readLogo,
} from '../../content/briefing/assets';
import { setLogo, setOfficeTemplate, setTemplate, draftBriefing } from '../../content/briefing/edit';
import { toggleSection } from '../../content/briefing/select';
import { composeDeck } from '../../content/compose/deck';
import {
  BriefingSchema,
  emptyBriefing,
  MAX_LOGO_BYTES,
  MAX_OFFICE_TEMPLATE_BYTES,
  OFFICE_BODY_TEMPLATE,
} from '../../content/model/briefing';
import {
  MIGRATIONS,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  restoreProject,
  serializeProject,
} from '../../content/project';
import { sampleReport } from '../../content/sample';
import { bytesToBase64 } from '../../content/util/wire';
import { builtinRegistry } from '../../templates/registry';
import { makePng } from '../helpers/brief-report';
import { makeOfficeTemplate } from '../helpers/office-docx';

const report = sampleReport();
const PNG = makePng(40, 20, [0, 90, 160]);

/** A minimal JPEG: SOI, a baseline frame header saying 32×16, EOI. */
function makeJpeg(): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11,
    0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
  ]);
}

function assetError(fn: () => unknown): AssetError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AssetError) return err;
    throw err;
  }
  throw new Error('expected an AssetError');
}

describe("the organisation's logo", () => {
  it('takes a PNG or a JPEG as it is, told by its bytes whatever its name says', () => {
    const png = readLogo('标志.jpg', PNG);
    expect(png).toEqual({ name: '标志.jpg', mime: 'image/png', data: bytesToBase64(PNG) });
    const jpeg = readLogo('logo.png', makeJpeg());
    expect(jpeg.mime).toBe('image/jpeg');
    expect(jpeg.data).toBe(bytesToBase64(makeJpeg()));
  });

  it('refuses SVG, GIF and documents, saying which images to choose', () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
    const gif = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');
    for (const [name, bytes] of [
      ['logo.svg', svg],
      ['logo.gif', gif],
      ['logo.png', new TextEncoder().encode('%PDF-1.7')],
    ] as const) {
      const err = assetError(() => readLogo(name, bytes));
      expect(err.code).toBe('logo-type');
      expect(err.messageZh).toContain(name);
      expect(err.messageZh).toContain('PNG 或 JPEG');
      expect(err.messageEn).toContain('PNG or JPEG');
    }
  });

  it('refuses a logo over 2 MB and one whose size cannot be read', () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG);
    const tooBig = assetError(() => readLogo('big.png', big));
    expect(tooBig.code).toBe('logo-too-large');
    expect(tooBig.messageZh).toContain('2 MB');
    expect(readLogo('exact.png', big.subarray(0, MAX_LOGO_BYTES)).mime).toBe('image/png');
    expect(assetError(() => readLogo('cut.png', PNG.subarray(0, 12))).code).toBe('logo-damaged');
  });

  it('is refused by the briefing schema when its bytes are not the type it claims, or too many', () => {
    const ok = { ...emptyBriefing(), logo: readLogo('a.png', PNG) };
    expect(BriefingSchema.safeParse(ok).success).toBe(true);
    const lying = { ...ok, logo: { ...ok.logo, mime: 'image/jpeg' } };
    const lied = BriefingSchema.safeParse(lying);
    expect(lied.success).toBe(false);
    expect(lied.error?.issues[0]?.path).toEqual(['logo', 'data']);
    const svg = { ...ok, logo: { ...ok.logo, mime: 'image/svg+xml' } };
    expect(BriefingSchema.safeParse(svg).success).toBe(false);
    const huge = { ...ok, logo: { ...ok.logo, data: `iVBORw0KGgo${'A'.repeat((MAX_LOGO_BYTES / 3) * 4)}` } };
    expect(BriefingSchema.safeParse(huge).success).toBe(false);
  });

  it('goes onto the composed deck unaltered, and can be removed', () => {
    const logo = readLogo('a.png', PNG);
    const theme = builtinRegistry().get('deck', 'gov-red');
    const withLogo = setLogo(emptyBriefing(), logo);
    expect(composeDeck(report, withLogo, theme).logo).toEqual({ mime: 'image/png', data: logo.data });
    expect(setLogo(withLogo, logo)).toBe(withLogo);
    const removed = setLogo(withLogo, undefined);
    expect('logo' in removed).toBe(false);
    expect(composeDeck(report, removed, theme).logo).toBeUndefined();
    // a fresh draft keeps it: the logo belongs to the office, not to the pick
    expect(draftBriefing(report, withLogo, 'deck').logo).toEqual(logo);
  });
});

describe("the office's own Word template", () => {
  it('is kept as base64 and given back as the same bytes', async () => {
    const bytes = await makeOfficeTemplate();
    const record = officeTemplateRecord('本单位模板.docx', bytes);
    expect(record.name).toBe('本单位模板.docx');
    expect(officeTemplateFile(record).bytes).toEqual(bytes);
    expect(BriefingSchema.safeParse({ ...emptyBriefing(), officeTemplate: record }).success).toBe(true);
  });

  it('refuses a file that is not a zip, and one over the size cap', () => {
    const err = assetError(() => officeTemplateRecord('a.docx', new TextEncoder().encode('plain text')));
    expect(err.code).toBe('office-template-invalid');
    expect(err.messageZh).toContain('.docx');
    const big = assetError(() => checkOfficeTemplateSize('big.docx', MAX_OFFICE_TEMPLATE_BYTES + 1));
    expect(big.code).toBe('office-template-too-large');
    expect(big.messageZh).toContain('10 MB');
    expect(() => checkOfficeTemplateSize('ok.docx', MAX_OFFICE_TEMPLATE_BYTES)).not.toThrow();
    const notZip = { ...emptyBriefing(), officeTemplate: { name: 'a.docx', data: 'SGVsbG8=' } };
    expect(BriefingSchema.safeParse(notZip).success).toBe(false);
  });

  it('sets the body in the official format, and choosing a built-in format leaves it', async () => {
    const record = officeTemplateRecord('a.docx', await makeOfficeTemplate());
    const base = setTemplate(emptyBriefing(), 'brief', 'bulletin');
    const office = setOfficeTemplate(base, record);
    expect(office.officeTemplate).toEqual(record);
    expect(office.briefTemplate).toBe(OFFICE_BODY_TEMPLATE);
    expect(setOfficeTemplate(office, record)).toBe(office);
    // a deck theme is another choice: the office template stays
    expect(setTemplate(office, 'deck', 'gov-red').officeTemplate).toEqual(record);
    // picking the format it already uses still means "this format, not the office's file"
    const back = setTemplate(office, 'brief', OFFICE_BODY_TEMPLATE);
    expect('officeTemplate' in back).toBe(false);
    expect(setTemplate(office, 'brief', 'plain')).toMatchObject({ briefTemplate: 'plain' });
    expect(setTemplate(back, 'brief', OFFICE_BODY_TEMPLATE)).toBe(back);
  });
});

describe('projects with an office template and a logo', () => {
  it('round-trip both inside the one file', async () => {
    const record = officeTemplateRecord('本单位模板.docx', await makeOfficeTemplate());
    const logo = readLogo('标志.png', PNG);
    let briefing = toggleSection(emptyBriefing(), report, report.sections[1]!.id, true);
    briefing = setLogo(setOfficeTemplate(briefing, record), logo);
    const text = serializeProject({ name: 'p', report, briefing }, { savedAt: new Date() });
    const { project, migrated } = restoreProject(text);
    expect(migrated).toEqual([]);
    expect(project.briefing.officeTemplate).toEqual(record);
    expect(project.briefing.logo).toEqual(logo);
    expect(officeTemplateFile(project.briefing.officeTemplate!).bytes).toEqual(
      officeTemplateFile(record).bytes,
    );
  });

  it('opens a version 2 file, which had neither, and names the migration', () => {
    const briefing = toggleSection(emptyBriefing(), report, report.sections[1]!.id, true);
    const v2 = {
      format: PROJECT_FORMAT,
      version: 2,
      name: '旧项目',
      savedAt: '2022-08-01T00:00:00.000Z',
      appVersion: '0.1.0',
      report,
      briefing,
      desk: { selectedItemId: null, slide: 2 },
    };
    const { project, migrated } = restoreProject(JSON.stringify(v2));
    expect(migrated).toEqual([2, 3, 4, 5, 6].map((v) => MIGRATIONS[v]!.name));
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.briefing).toEqual(briefing);
    expect(project.briefing.officeTemplate).toBeUndefined();
    expect(project.briefing.logo).toBeUndefined();
    expect(project.desk.slide).toBe(2);
  });

  it('refuses a project whose logo was tampered with, naming the field', () => {
    const logo = readLogo('a.png', PNG);
    const text = serializeProject(
      { name: 'p', report, briefing: setLogo(emptyBriefing(), logo) },
      { savedAt: new Date() },
    );
    const bad = JSON.parse(text) as { briefing: { logo: { data: string } } };
    bad.briefing.logo.data = bytesToBase64(new TextEncoder().encode('<svg onload="x()"/>'));
    expect(() => restoreProject(JSON.stringify(bad))).toThrow(/briefing\.logo\.data/);
  });
});
