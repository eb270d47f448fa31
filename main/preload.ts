import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeApi, MenuCommand, ShowSync } from './contract';

/**
 * The preload: exactly the contract's channels as named methods on `window.briefing`, and one
 * listener for menu commands. ipcRenderer itself never reaches the page. The table is typed by
 * BridgeApi, so a channel added to the contract and missing here fails to compile.
 */
const api: BridgeApi = {
  'app:info': (req) => ipcRenderer.invoke('app:info', req),
  'report:sample': (req) => ipcRenderer.invoke('report:sample', req),
  'report:import': (req) => ipcRenderer.invoke('report:import', req),
  'report:import-file': (req) => ipcRenderer.invoke('report:import-file', req),
  'file:choose': (req) => ipcRenderer.invoke('file:choose', req),
  'report:paste': (req) => ipcRenderer.invoke('report:paste', req),
  'report:reanalyze': (req) => ipcRenderer.invoke('report:reanalyze', req),
  'task:progress': (req) => ipcRenderer.invoke('task:progress', req),
  'task:cancel': (req) => ipcRenderer.invoke('task:cancel', req),
  'templates:list': (req) => ipcRenderer.invoke('templates:list', req),
  'templates:user': (req) => ipcRenderer.invoke('templates:user', req),
  'templates:check-office': (req) => ipcRenderer.invoke('templates:check-office', req),
  'templates:open-folder': (req) => ipcRenderer.invoke('templates:open-folder', req),
  'proof:rules': (req) => ipcRenderer.invoke('proof:rules', req),
  'export:save': (req) => ipcRenderer.invoke('export:save', req),
  'shell:show-in-folder': (req) => ipcRenderer.invoke('shell:show-in-folder', req),
  'project:save': (req) => ipcRenderer.invoke('project:save', req),
  'project:open': (req) => ipcRenderer.invoke('project:open', req),
  'recovery:write': (req) => ipcRenderer.invoke('recovery:write', req),
  'recovery:read': (req) => ipcRenderer.invoke('recovery:read', req),
  'recovery:clear': (req) => ipcRenderer.invoke('recovery:clear', req),
  'recent:list': (req) => ipcRenderer.invoke('recent:list', req),
  'show:presenter': (req) => ipcRenderer.invoke('show:presenter', req),
  'show:sync': (req) => ipcRenderer.invoke('show:sync', req),
  'show:current': (req) => ipcRenderer.invoke('show:current', req),
  onShowState(listener) {
    const handler = (_event: IpcRendererEvent, state: ShowSync): void => listener(state);
    ipcRenderer.on('show:state', handler);
    return () => {
      ipcRenderer.removeListener('show:state', handler);
    };
  },
  onMenuCommand(listener) {
    const handler = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on('menu:command', handler);
    return () => {
      ipcRenderer.removeListener('menu:command', handler);
    };
  },
};

contextBridge.exposeInMainWorld('briefing', api);
