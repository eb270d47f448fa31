/**
 * The app's commands, one line each: the keys that run it, its entry in the desktop app's menu,
 * and what a key does while focus is in a text field. The Electron menu (main/menu.ts), the
 * page's shortcuts and its command dispatcher (renderer/commands.ts) are all derived from this
 * table; the dispatcher's `Record<Command, …>` of actions makes the compiler hold it complete.
 * It lives in content/ because that is the one layer of plain code both main and the page read
 * (the page sees main/ through types only); it decides no action, only names.
 */

/** A key: `mod` is Ctrl (Cmd on a Mac). `only` says on which platform the menu shows it as its shortcut. */
export interface KeySpec {
  /** a letter in lower case, or a key name such as 'Delete' */
  key: string;
  mod?: boolean;
  shift?: boolean;
  only?: 'mac' | 'other';
}

/** The desktop app's menus that carry app commands; the rest of each menu is Electron's own roles. */
export type MenuId = 'file' | 'edit' | 'view' | 'help';

export interface CommandSpec {
  /** keys that run it in the page; the first that suits the platform is its menu shortcut */
  readonly keys: readonly KeySpec[];
  /** its item in the desktop app's menu; items of one group sit between separators */
  readonly menu: { readonly menu: MenuId; readonly group: number; readonly label: string } | null;
  /**
   * while focus is in a text field: 'runs' (save, export…), 'ignored' (Delete deletes characters
   * there), or 'native-undo-wins' (undo and redo run, except in a field with its own undo)
   */
  readonly inText: 'runs' | 'ignored' | 'native-undo-wins';
  /** main sends it without a menu item (a .briefing double-clicked while the app runs) */
  readonly sentByMain?: boolean;
}

export const COMMANDS = {
  new: {
    keys: [{ key: 'n', mod: true }],
    menu: { menu: 'file', group: 0, label: '新建项目' },
    inText: 'runs',
  },
  open: { keys: [{ key: 'o', mod: true }], menu: { menu: 'file', group: 0, label: '打开…' }, inText: 'runs' },
  save: { keys: [{ key: 's', mod: true }], menu: { menu: 'file', group: 1, label: '保存' }, inText: 'runs' },
  'save-as': {
    keys: [{ key: 's', mod: true, shift: true }],
    menu: { menu: 'file', group: 1, label: '另存为…' },
    inText: 'runs',
  },
  export: {
    keys: [{ key: 'e', mod: true }],
    menu: { menu: 'file', group: 2, label: '导出…' },
    inText: 'runs',
  },
  print: {
    keys: [{ key: 'p', mod: true }],
    menu: { menu: 'file', group: 2, label: '打印…' },
    inText: 'runs',
  },
  'templates-folder': { keys: [], menu: { menu: 'file', group: 3, label: '打开模板文件夹' }, inText: 'runs' },
  'templates-reload': {
    keys: [],
    menu: { menu: 'file', group: 3, label: '重新读取模板文件夹' },
    inText: 'runs',
  },
  undo: {
    keys: [{ key: 'z', mod: true }],
    menu: { menu: 'edit', group: 0, label: '撤销' },
    inText: 'native-undo-wins',
  },
  redo: {
    // Ctrl+Y is Windows' and Linux's redo, Shift+Cmd+Z a Mac's; the page takes both everywhere
    keys: [
      { key: 'y', mod: true, only: 'other' },
      { key: 'z', mod: true, shift: true, only: 'mac' },
    ],
    menu: { menu: 'edit', group: 0, label: '重做' },
    inText: 'native-undo-wins',
  },
  find: {
    keys: [{ key: 'f', mod: true }],
    menu: { menu: 'edit', group: 1, label: '查找…' },
    inText: 'runs',
  },
  replace: {
    keys: [{ key: 'h', mod: true }],
    menu: { menu: 'edit', group: 1, label: '替换…' },
    inText: 'runs',
  },
  'show-start': {
    keys: [{ key: 'F5' }],
    menu: { menu: 'view', group: 0, label: '从头开始放映' },
    inText: 'runs',
  },
  'show-current': {
    keys: [{ key: 'F5', shift: true }],
    menu: { menu: 'view', group: 0, label: '从当前页开始放映' },
    inText: 'runs',
  },
  about: { keys: [], menu: { menu: 'help', group: 0, label: '关于简报工坊' }, inText: 'runs' },
  'open-launch': { keys: [], menu: null, inText: 'runs', sentByMain: true },
  delete: { keys: [{ key: 'Delete' }], menu: null, inText: 'ignored' },
} as const satisfies Record<string, CommandSpec>;

export type Command = keyof typeof COMMANDS;

/** Commands main sends the page: its menu items, and those it sends itself. */
export type MainCommand = {
  [C in Command]: (typeof COMMANDS)[C]['menu'] extends null
    ? (typeof COMMANDS)[C] extends { sentByMain: true }
      ? C
      : never
    : C;
}[Command];

export const COMMAND_IDS = Object.keys(COMMANDS) as Command[];

const spec = (command: Command): CommandSpec => COMMANDS[command];

/** The commands main may send, in table order. */
export const MAIN_COMMANDS = COMMAND_IDS.filter(
  (c) => spec(c).menu !== null || spec(c).sentByMain === true,
) as MainCommand[];

/** The key a command's menu item shows on a platform, or null when it has no item or no key. */
export function menuKey(command: Command, mac: boolean): KeySpec | null {
  const { keys, menu } = spec(command);
  if (!menu) return null;
  return keys.find((k) => !k.only || k.only === (mac ? 'mac' : 'other')) ?? null;
}

/** A key as Electron's accelerator string: CmdOrCtrl+Shift+S. */
export function accelerator(k: KeySpec): string {
  return [k.mod ? 'CmdOrCtrl' : '', k.shift ? 'Shift' : '', k.key.length === 1 ? k.key.toUpperCase() : k.key]
    .filter(Boolean)
    .join('+');
}

/** A key as the page shows it beside a menu item: Ctrl+Shift+S. */
export function keyLabel(k: KeySpec): string {
  return [k.mod ? 'Ctrl' : '', k.shift ? 'Shift' : '', k.key.length === 1 ? k.key.toUpperCase() : k.key]
    .filter(Boolean)
    .join('+');
}
