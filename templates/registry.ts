import type { Template, TemplateKind } from './schema';
import { parseTemplate, type BriefTemplate, type DeckTemplate } from './schema';
import { BRIEF_SOURCES } from './brief';
import { DECK_SOURCES } from './deck';

/** The templates that ship with the app, validated like any user template. */
const BUILTIN_SOURCES = [...BRIEF_SOURCES, ...DECK_SOURCES];

export interface TemplateSummary {
  id: string;
  kind: TemplateKind;
  name: { zh: string; en: string };
  builtin: boolean;
}

type ByKind = { brief: BriefTemplate; deck: DeckTemplate };

/** Templates keyed by kind and id. Lookups of an unknown id fail listing the known ones. */
export class TemplateRegistry {
  private readonly byKey = new Map<string, { template: Template; builtin: boolean }>();

  constructor(builtins: readonly Template[], user: readonly Template[] = []) {
    for (const t of builtins) this.byKey.set(`${t.kind}:${t.id}`, { template: t, builtin: true });
    // a user template may not shadow a built-in one: the command line and tests rely on the ids
    for (const t of user)
      if (!this.byKey.has(`${t.kind}:${t.id}`))
        this.byKey.set(`${t.kind}:${t.id}`, { template: t, builtin: false });
  }

  get<K extends TemplateKind>(kind: K, id: string): ByKind[K] {
    const found = this.byKey.get(`${kind}:${id}`);
    if (!found) {
      throw new Error(
        `未知模板「${id}」，可用的有：${this.ids(kind).join('、')}（unknown ${kind} template "${id}"; known: ${this.ids(kind).join(', ')}）`,
      );
    }
    return found.template as ByKind[K];
  }

  has(kind: TemplateKind, id: string): boolean {
    return this.byKey.has(`${kind}:${id}`);
  }

  ids(kind: TemplateKind): string[] {
    return this.list(kind).map((t) => t.id);
  }

  list(kind?: TemplateKind): TemplateSummary[] {
    return [...this.byKey.values()]
      .filter(({ template }) => !kind || template.kind === kind)
      .map(({ template, builtin }) => ({
        id: template.id,
        kind: template.kind,
        name: template.name,
        builtin,
      }));
  }

  /** A registry with these user templates added. */
  withUser(user: readonly Template[]): TemplateRegistry {
    const builtins = [...this.byKey.values()].filter((e) => e.builtin).map((e) => e.template);
    return new TemplateRegistry(builtins, user);
  }
}

let builtin: TemplateRegistry | undefined;

/** The registry of built-in templates (parsed once). */
export function builtinRegistry(): TemplateRegistry {
  builtin ??= new TemplateRegistry(BUILTIN_SOURCES.map((s) => parseTemplate(s.data, s.file, s.css)));
  return builtin;
}
