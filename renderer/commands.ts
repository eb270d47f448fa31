import type { MenuCommand } from '../main/contract';

/** App commands: what a shortcut, a menu item (Electron) or a toolbar button asks for. */
export type Command = MenuCommand | 'delete';

/** Commands the Electron menu sends itself (its accelerators), so the page must not act on the key too. */
const MENU_SHORTCUTS: ReadonlySet<Command> = new Set([
  'new',
  'open',
  'save',
  'save-as',
  'export',
  'undo',
  'redo',
]);

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
  /** the desktop app's menu handles its shortcuts */
  menuHandles: boolean;
}

/**
 * The command a key press stands for, or null. Ctrl+Z / Ctrl+Y undo the document even while
 * typing in an item (one undo history for everything); Delete removes the selected item only
 * when no text field has focus.
 */
export function commandForKey(e: KeyLike, ctx: KeyContext): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  let command: Command | null = null;
  if (mod && !e.altKey) {
    switch (key) {
      case 'z':
        command = e.shiftKey ? 'redo' : 'undo';
        break;
      case 'y':
        command = 'redo';
        break;
      case 's':
        command = e.shiftKey ? 'save-as' : 'save';
        break;
      case 'o':
        command = 'open';
        break;
      case 'e':
        command = 'export';
        break;
      case 'n':
        command = 'new';
        break;
    }
    if ((command === 'undo' || command === 'redo') && ctx.nativeUndo) return null;
  } else if (!mod && !e.altKey && !e.shiftKey && key === 'Delete' && !ctx.editing) {
    command = 'delete';
  }
  if (command && ctx.menuHandles && MENU_SHORTCUTS.has(command)) return null;
  return command;
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
