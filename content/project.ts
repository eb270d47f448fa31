import { z } from 'zod';
import { BriefingSchema, type Briefing } from './model/briefing';
import { ReportSchema, type Report } from './model/report';
import { upgradeReportStats } from './stats/migrate';
import { BilingualError } from './util/errors';

export { PROJECT_EXTENSION, projectNameFromFile } from './project-name';

/**
 * The `.briefing` project file: one self-contained JSON document holding the report (its raw
 * source, the staff's decisions and its images in `report.assets`), the briefing (picked items,
 * overrides, output, template choice, brief fields) and where the desk was left. Files carry a
 * format tag and a version; older versions are brought forward by named migrations, and a file
 * from a newer app is refused with a message rather than half-read.
 */

export const PROJECT_FORMAT = 'briefing-studio/project';
export const PROJECT_VERSION = 7;

/** Where the desk was left: reopened projects show the same item and slide. */
export const DeskStateSchema = z.object({
  selectedItemId: z.string().nullable().default(null),
  slide: z.number().int().nonnegative().default(0),
});
export type DeskState = z.infer<typeof DeskStateSchema>;

export const ProjectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  /** the project's name as staff see it (file name without extension) */
  name: z.string(),
  /** ISO time of the save */
  savedAt: z.string(),
  /** the app version that wrote the file, for support questions */
  appVersion: z.string().default(''),
  report: ReportSchema,
  briefing: BriefingSchema,
  desk: DeskStateSchema.default({ selectedItemId: null, slide: 0 }),
});
export type Project = z.infer<typeof ProjectSchema>;

/** What the desk hands over to be saved: the document and the desk state. */
export interface ProjectContent {
  name: string;
  report: Report;
  briefing: Briefing;
  desk?: Partial<DeskState>;
}

export const PROJECT_ERROR_CODES = [
  'not-json',
  'not-project',
  'newer-version',
  'bad-version',
  'invalid',
] as const;
export type ProjectErrorCode = (typeof PROJECT_ERROR_CODES)[number];

/** A project file that cannot be opened, with a message a secretary can act on in both languages. */
export class ProjectError extends BilingualError<ProjectErrorCode> {
  override readonly name = 'ProjectError';
}

type Json = Record<string, unknown>;

/** One step from version `from` to `from + 1`, named so a support log can say what was done. */
interface Migration {
  name: string;
  up: (project: Json) => Json;
}

/**
 * Migrations keyed by the version they upgrade from. Version 1 (the first desk build) held only
 * the report and the briefing; version 2 adds the project's name, save time, app version and
 * the desk state; version 3 lets the briefing carry the office's own Word template and the
 * organisation's logo. An app that knows only version 2 would drop those silently, so it must
 * refuse a version 3 file instead: hence a new version, though older files need nothing added.
 * Version 4 lets the report carry its front matter (issuer, date, speaker, salutation), a point
 * the punctuation that ended its lead, and repairs of new kinds (wrapped lines, page furniture,
 * web leftovers): an older app would refuse those kinds as damage, so it must be told it is older.
 * Version 5 gives statistics their meaning (label, qualifier, kind amount / count / growth /
 * share / rank / duration / target instead of value / change / threshold, period, basis, scope)
 * and lets staff edit a statistic's label or mark it unfit; older statistics are read again from
 * their sentences.
 * Version 6 lets the briefing remember the proofreading findings staff ignored, for the same
 * reason: a version 5 app would drop them and the same findings would come back.
 * Version 7 gives the slides and the Word brief a list each (`briefing.otherItems` holds the one not
 * shown). A version 6 file's one list was made and edited for the slides, whatever output it was
 * left on, so it becomes the slide list and the brief starts from a fresh draft; a version 6 app
 * would drop the second list silently.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: {
    name: 'v1→v2: name, save time and desk state',
    up: (p) => {
      const report = (p.report ?? {}) as Json;
      return {
        ...p,
        version: 2,
        name: typeof p.name === 'string' ? p.name : typeof report.title === 'string' ? report.title : '',
        savedAt: typeof p.savedAt === 'string' ? p.savedAt : new Date(0).toISOString(),
        appVersion: '',
        desk: { selectedItemId: null, slide: 0 },
      };
    },
  },
  2: {
    name: 'v2→v3: office template and logo in the briefing (none yet)',
    up: (p) => ({ ...p, version: 3 }),
  },
  3: {
    name: 'v3→v4: front matter, lead punctuation and new repair kinds in the report (none yet)',
    up: (p) => ({ ...p, version: 4 }),
  },
  4: {
    name: 'v4→v5: statistics read again for their label, qualifier, kind, period, basis and scope',
    up: (p) => ({ ...p, version: 5, report: upgradeReportStats((p.report ?? {}) as Json) }),
  },
  5: {
    name: 'v5→v6: ignored proofreading findings in the briefing (none yet)',
    up: (p) => ({ ...p, version: 6 }),
  },
  6: {
    name: 'v6→v7: the one item list becomes the slide list, the Word brief starts from a fresh draft',
    up: (p) => ({ ...p, version: 7, briefing: splitLists((p.briefing ?? {}) as Json) }),
  },
};

/** A version 6 briefing's one list as the slide list: shown if it was on slides, else kept aside. */
function splitLists(briefing: Json): Json {
  if (briefing.output !== 'brief' || !Array.isArray(briefing.items)) return briefing;
  // an empty brief list is the fresh draft: compose makes the automatic draft for it
  return { ...briefing, items: [], otherItems: briefing.items };
}

/** Turn the desk's document into the text of a `.briefing` file. */
export function serializeProject(
  content: ProjectContent,
  meta: { savedAt: Date; appVersion?: string },
): string {
  const project: Project = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: content.name,
    savedAt: meta.savedAt.toISOString(),
    appVersion: meta.appVersion ?? '',
    report: content.report,
    briefing: content.briefing,
    desk: DeskStateSchema.parse(content.desk ?? {}),
  };
  return JSON.stringify(project);
}

export interface RestoredProject {
  project: Project;
  /** names of the migrations applied, oldest first; empty for a current file */
  migrated: string[];
}

/**
 * Read a `.briefing` file (its text, or already-parsed JSON): check the format tag, refuse a
 * newer version, apply the migrations from its version to the current one, then validate.
 * Throws only ProjectError.
 */
export function restoreProject(
  input: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): RestoredProject {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      throw new ProjectError(
        'not-json',
        '这个文件不是简报工坊项目（内容无法读取），可能已损坏。请选择扩展名为 .briefing 的项目文件。',
        'This is not a Briefing Studio project (its content cannot be read); it may be damaged. Choose a .briefing project file.',
      );
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as Json).format !== PROJECT_FORMAT) {
    throw new ProjectError(
      'not-project',
      '这个文件不是简报工坊项目。要打开报告原文，请用「打开报告」；项目文件的扩展名是 .briefing。',
      'This file is not a Briefing Studio project. To read a report, use Open report; project files end in .briefing.',
    );
  }
  let project = data as Json;
  const version = project.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProjectError(
      'bad-version',
      '项目文件的版本号无效，文件可能已损坏。请打开一份较早保存的副本，或从恢复文件找回。',
      'The project file has an invalid version number and may be damaged. Open an earlier copy or recover from the recovery file.',
    );
  }
  if (version > PROJECT_VERSION) {
    throw new ProjectError(
      'newer-version',
      `这个项目由更新版本的简报工坊保存（文件格式第 ${version} 版），当前版本只能打开第 ${PROJECT_VERSION} 版及更早的文件。请升级简报工坊后再打开，文件本身没有被改动。`,
      `This project was saved by a newer Briefing Studio (file format ${version}); this version opens format ${PROJECT_VERSION} and older. Update Briefing Studio to open it; the file has not been changed.`,
    );
  }
  const migrated: string[] = [];
  for (let v = version; v < PROJECT_VERSION; v++) {
    const step = migrations[v];
    if (!step) {
      throw new ProjectError(
        'bad-version',
        `无法把第 ${v} 版的项目文件升级到当前格式。请用保存它的简报工坊版本打开并另存。`,
        `Cannot upgrade a format ${v} project to the current format. Open it in the Briefing Studio version that saved it and save again.`,
      );
    }
    project = step.up(project);
    migrated.push(step.name);
  }
  const parsed = ProjectSchema.safeParse(project);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(file)';
    throw new ProjectError(
      'invalid',
      `项目文件内容不完整或已损坏（${where}）。请打开一份较早保存的副本，或从恢复文件找回。`,
      `The project file is incomplete or damaged (${where}). Open an earlier copy or recover from the recovery file.`,
    );
  }
  return { project: parsed.data, migrated };
}
