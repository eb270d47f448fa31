import { COMMAND_IDS, COMMANDS, keyLabel, menuKey, type Command, type KeySpec } from '../content/commands';

export type { Command } from '../content/commands';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  /** focus is in a text field, select or editable element */
  editing: boolean;
  /** the field keeps the browser's own undo (e.g. the paste box, which is not part of the document) */
  nativeUndo: boolean;
  /** the desktop app's menu acts on its own shortcuts: the platform it shows them for; null in a browser */
  menuKeys: 'mac' | 'other' | null;
}

function matches(k: KeySpec, e: KeyLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return (
    key === k.key &&
    (e.ctrlKey || e.metaKey) === Boolean(k.mod) &&
    e.shiftKey === Boolean(k.shift) &&
    !e.altKey
  );
}

/**
 * The command a key press stands for, or null, from the command table (content/commands.ts).
 * Ctrl+Z / Ctrl+Y undo the document even while typing in an item (one undo history for
 * everything); Delete removes the selected item only when no text field has focus; a key the
 * desktop app's menu shows is left to the menu.
 */
export function commandForKey(e: KeyLike, ctx: KeyContext): Command | null {
  for (const command of COMMAND_IDS) {
    const spec = COMMANDS[command];
    const key = spec.keys.find((k) => matches(k, e));
    if (!key) continue;
    if (ctx.editing && spec.inText === 'ignored') return null;
    if (ctx.nativeUndo && spec.inText === 'native-undo-wins') return null;
    if (ctx.menuKeys && menuKey(command, ctx.menuKeys === 'mac') === key) return null;
    return command;
  }
  return null;
}

/** The shortcut shown beside a command in the page's own menus: 「Ctrl+Shift+S」, or '' when it has none. */
export function shortcutLabel(command: Command): string {
  const key = menuKey(command, false);
  return key ? keyLabel(key) : '';
}

/** Whether an element takes typed text (keys there are the user's words, not commands). */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}
