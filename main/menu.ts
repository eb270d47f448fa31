import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './contract';

/**
 * The Chinese application menu (文件 / 编辑 / 视图 / 帮助) with the standard shortcuts. App
 * commands go to the renderer, which owns the document and its undo history.
 */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  isMac = process.platform === 'darwin',
): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  return [
    {
      label: '文件',
      submenu: [
        cmd('新建项目', 'new', 'CmdOrCtrl+N'),
        cmd('打开…', 'open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        cmd('保存', 'save', 'CmdOrCtrl+S'),
        cmd('另存为…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd('导出…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        cmd('打开模板文件夹', 'templates-folder'),
        cmd('重新读取模板文件夹', 'templates-reload'),
        { type: 'separator' },
        { label: isMac ? '退出简报工坊' : '退出', role: 'quit', accelerator: isMac ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        cmd('撤销', 'undo', 'CmdOrCtrl+Z'),
        cmd('重做', 'redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
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
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [cmd('关于简报工坊', 'about')],
    },
  ];
}
