import { mkdir } from 'node:fs/promises';
import { checkOfficeTemplateSize } from '../content/briefing/assets';
import { builtinRegistry, type TemplateRegistry } from '../templates/registry';
import type { Template } from '../templates/schema';
import type { Res } from './contract';
import { loadUserTemplates, userTemplatesDir, type UserTemplateProblem } from './templates-user';

/**
 * The templates a host serves: the built-in ones plus the user's folder, loaded at start in the
 * background and again when staff ask (重新读取模板文件夹). Until the folder is read the handlers
 * wait for it (a few files, milliseconds); if it cannot be read at all the built-in templates
 * still work and the reason is one problem.
 */
export interface TemplateLibrary {
  /** `<data dir>/templates` */
  dir: string;
  // plain functions, not methods: handlers are handed them detached (`registry: library.registry`)
  registry: () => Promise<TemplateRegistry>;
  /** the user's templates that loaded, and one problem per file that did not */
  user: () => Promise<{ templates: Template[]; problems: UserTemplateProblem[] }>;
  /** read the folder again: templates added, changed or removed since it was last read */
  reload: () => Promise<void>;
}

/** Start loading the user's templates from `<dataDir>/templates`; never rejects. */
export function templateLibrary(
  dataDir: string,
  load: typeof loadUserTemplates = loadUserTemplates,
): TemplateLibrary {
  const dir = userTemplatesDir(dataDir);
  const builtins = builtinRegistry();
  const read = (): Promise<{ templates: Template[]; problems: UserTemplateProblem[] }> =>
    load(dir, builtins).catch((err: unknown): { templates: Template[]; problems: UserTemplateProblem[] } => {
      const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
      return {
        templates: [],
        problems: [
          {
            file: dir,
            field: '(file)',
            messageZh: `模板文件夹无法读取（${code}），只能使用内置模板。`,
            messageEn: `The templates folder could not be read (${code}); only the built-in templates are available.`,
          },
        ],
      };
    });
  // the folder as last read and the registry made from it: read now, and again on reload
  let loaded: ReturnType<typeof read>;
  let registry: Promise<TemplateRegistry>;
  const reload = async (): Promise<void> => {
    loaded = read();
    registry = loaded.then(({ templates }) => builtins.withUser(templates));
    await loaded;
  };
  void reload();
  return { dir, registry: () => registry, user: () => loaded, reload };
}

/** `templates:user`: the user's templates in full (the page previews them) and what was refused. */
export async function userTemplatesReply(library: TemplateLibrary): Promise<Res<'templates:user'>> {
  const { templates, problems } = await library.user();
  return { dir: library.dir, templates, problems };
}

/**
 * `templates:check-office`: is this a Word document with {{body}}? The same check the export
 * makes, run when staff pick the file, so a wrong file is refused at once, not at export time.
 */
export async function checkOfficeTemplate(
  name: string,
  bytes: Uint8Array,
): Promise<Res<'templates:check-office'>> {
  checkOfficeTemplateSize(name, bytes.length);
  // docx loads on first use, as the export writers do
  const { inspectOfficeTemplate, sortPlaceholders, OFFICE_PLACEHOLDER_FIELDS } =
    await import('./export/office-template');
  const placeholders = await inspectOfficeTemplate(bytes, name);
  const sorted = sortPlaceholders(placeholders);
  const described = (key: keyof typeof OFFICE_PLACEHOLDER_FIELDS) => ({
    key,
    ...OFFICE_PLACEHOLDER_FIELDS[key],
  });
  return {
    name,
    placeholders,
    used: sorted.used.map(described),
    absent: sorted.absent.map(described),
    unknown: sorted.unknown,
  };
}

/**
 * `templates:open-folder`: make sure the folder exists, then open it in the file manager when
 * the host can (Electron); browser mode has no way to, so the page shows the path instead.
 */
export async function openTemplatesFolder(
  library: TemplateLibrary,
  open?: (path: string) => Promise<void>,
): Promise<Res<'templates:open-folder'>> {
  try {
    await mkdir(library.dir, { recursive: true });
  } catch {
    // the path is still worth showing: staff can create the folder themselves
    return { opened: false, path: library.dir };
  }
  if (!open) return { opened: false, path: library.dir };
  await open(library.dir);
  return { opened: true, path: library.dir };
}
