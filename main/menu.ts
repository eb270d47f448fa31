import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, COMMAND_IDS, COMMANDS, menuKey, type MenuId } from '../content/commands';
import type { MenuCommand } from './contract';

/**
 * The Chinese application menu (文件 / 编辑 / 视图 / 帮助). Its app commands — label, shortcut,
 * place — come from the command table (content/commands.ts) and go to the renderer, which owns
 * the document and its undo history; the rest is Electron's own roles (quit, clipboard, zoom).
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  isMac = process.platform === 'darwin',
): MenuItemConstructorOptions[] {
  /** The table's items for one menu, a separator between groups. */
  const items = (menu: MenuId): MenuItemConstructorOptions[] => {
    const out: MenuItemConstructorOptions[] = [];
    let group: number | null = null;
    for (const command of COMMAND_IDS) {
      const entry = COMMANDS[command].menu;
      if (entry?.menu !== menu) continue;
      if (group !== null && entry.group !== group) out.push({ type: 'separator' });
      group = entry.group;
      const key = menuKey(command, isMac);
      out.push({
        label: entry.label,
        ...(key ? { accelerator: accelerator(key) } : {}),
        // only commands with a menu item reach here, and each is one main may send
        click: () => send(command as MenuCommand),
      });
    }
    return out;
  };
  return [
    {
      label: '文件',
      submenu: [
        ...items('file'),
        { type: 'separator' },
        { label: isMac ? '退出简报工坊' : '退出', role: 'quit', accelerator: isMac ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        ...items('edit'),
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...items('view'),
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: items('help') },
  ];
}
