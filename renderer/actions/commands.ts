import type { Command } from '../commands';
import { focusItem } from '../components/BriefingPane';
import { redo, undo, useStore } from '../store/store';
import { newProject, openLaunched, openProject, saveProject } from './document';
import { openTemplatesFolder, reloadUserTemplates } from './templates';

/** Carry out a command from a shortcut, the Electron menu or a button. */
export function runCommand(command: Command): void {
  const s = useStore.getState();
  switch (command) {
    case 'new':
      void newProject();
      break;
    case 'open':
      // a browser shows its file chooser only for a click or key it trusts as the user's own, and
      // does not reliably count Ctrl+O: there the File menu opens on 打开项目… for Enter to confirm
      if (s.host === 'electron') void openProject();
      else s.openMenu('file', 'open');
      break;
    case 'save':
      void saveProject(false);
      break;
    case 'save-as':
      void saveProject(true);
      break;
    case 'export':
      if (s.report) s.openMenu('export');
      break;
    case 'undo':
      undo();
      break;
    case 'redo':
      redo();
      break;
    case 'about':
      s.openDialog('about');
      break;
    case 'templates-folder':
      void openTemplatesFolder();
      break;
    case 'templates-reload':
      void reloadUserTemplates();
      break;
    case 'open-launch':
      void openLaunched();
      break;
    case 'delete': {
      const id = s.selectedItemId;
      if (!id) break;
      const items = s.briefing.items;
      const at = items.findIndex((i) => i.id === id);
      if (at < 0) break;
      // the next line takes the selection, as in a file list
      const next = items[at + 1] ?? items[at - 1] ?? null;
      s.removeItems([id]);
      s.selectItem(next?.id ?? null);
      if (next) focusItem(next.id);
      break;
    }
  }
}
