import type { Template, TemplateKind } from './schema';
import { parseTemplate, type BriefTemplate, type DeckTemplate } from './schema';
import { BRIEF_SOURCES } from './brief';
import { UnknownTemplateError } from './errors';
import { DECK_SOURCES } from './deck';

/** The templates that ship with the app, validated like any user template. */
export const BUILTIN_SOURCES: readonly TemplateSource[] = [...BRIEF_SOURCES, ...DECK_SOURCES];

export interface TemplateSummary {
  id: string;
  kind: TemplateKind;
  name: { zh: string; en: string };
  builtin: boolean;
}

type ByKind = { brief: BriefTemplate; deck: DeckTemplate };

/** A template file as it ships: its data file, the path messages name, its CSS. */
export interface TemplateSource {
  file: string;
  data: unknown;
  css?: string;
}

/** A registry entry: what lists show, and the template itself, validated on first use. */
interface Entry {
  summary: TemplateSummary;
  template: () => Template;
}

function entryOf(template: Template, builtin: boolean): Entry {
  const { id, kind, name } = template;
  return { summary: { id, kind, name, builtin }, template: () => template };
}

/**
 * A built-in template's entry. Its list line is read straight from the file and the schema
 * runs when the template is first used: a start lists six templates and draws with one, and
 * every built-in is held to the schema by the test suite (tests/templates).
 */
function builtinEntry(source: TemplateSource): Entry {
  const { id, kind, name } = source.data as Pick<Template, 'id' | 'kind' | 'name'>;
  let parsed: Template | undefined;
  return {
    summary: { id, kind, name, builtin: true },
    template: () => (parsed ??= parseTemplate(source.data, source.file, source.css)),
  };
}

/** Templates keyed by kind and id. Looking up an unknown id throws an UnknownTemplateError listing the known ones. */
export class TemplateRegistry {
  private readonly byKey = new Map<string, Entry>();

  constructor(builtins: readonly (Template | Entry)[], user: readonly Template[] = []) {
    for (const t of builtins) {
      const entry = 'summary' in t ? t : entryOf(t, true);
      this.byKey.set(`${entry.summary.kind}:${entry.summary.id}`, entry);
    }
    // a user template may not shadow a built-in one: the command line and tests rely on the ids
    for (const t of user)
      if (!this.byKey.has(`${t.kind}:${t.id}`)) this.byKey.set(`${t.kind}:${t.id}`, entryOf(t, false));
  }

  get<K extends TemplateKind>(kind: K, id: string): ByKind[K] {
    const found = this.byKey.get(`${kind}:${id}`);
    if (!found) throw new UnknownTemplateError(kind, id, this.ids(kind));
    return found.template() as ByKind[K];
  }

  has(kind: TemplateKind, id: string): boolean {
    return this.byKey.has(`${kind}:${id}`);
  }

  ids(kind: TemplateKind): string[] {
    return this.list(kind).map((t) => t.id);
  }

  list(kind?: TemplateKind): TemplateSummary[] {
    return [...this.byKey.values()]
      .map((e) => e.summary)
      .filter((t) => !kind || t.kind === kind)
      .map((t) => ({ ...t }));
  }

  /** A registry with these user templates added. */
  withUser(user: readonly Template[]): TemplateRegistry {
    return new TemplateRegistry(
      [...this.byKey.values()].filter((e) => e.summary.builtin),
      user,
    );
  }
}

let builtin: TemplateRegistry | undefined;

/** The registry of built-in templates (made once; each is validated when first used). */
export function builtinRegistry(): TemplateRegistry {
  builtin ??= new TemplateRegistry(BUILTIN_SOURCES.map(builtinEntry));
  return builtin;
}
