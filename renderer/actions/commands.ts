import type { Command } from '../commands';
import { focusItem } from '../components/BriefingPane';
import { redo, undo, useStore } from '../store/store';
import { startFind } from './find';
import { openPrint } from './print';
import { startShow } from './show';
import { newProject, openAnyFile, openLaunched, saveProject } from './document';
import { openTemplatesFolder, reloadUserTemplates } from './templates';

type State = ReturnType<typeof useStore.getState>;

/** The selected briefing line goes; the next one takes the selection, as in a file list. */
function deleteSelected(s: State): void {
  const id = s.selectedItemId;
  if (!id) return;
  const items = s.briefing.items;
  const at = items.findIndex((i) => i.id === id);
  if (at < 0) return;
  const next = items[at + 1] ?? items[at - 1] ?? null;
  s.removeItems([id]);
  s.selectItem(next?.id ?? null);
  if (next) focusItem(next.id);
}

/**
 * What each command of the table (content/commands.ts) does in the page, one entry per command:
 * the compiler holds it complete, and a shortcut, an Electron menu item and a button all come
 * here through runCommand.
 */
const ACTIONS: { readonly [C in Command]: (s: State) => void } = {
  new: () => void newProject(),
  // a key press is the user's own act, so the browser lets its keydown open the file chooser
  open: () => void openAnyFile(),
  save: () => void saveProject(false),
  'save-as': () => void saveProject(true),
  export: (s) => {
    if (s.report) s.openMenu('export');
  },
  print: () => openPrint(),
  'templates-folder': () => void openTemplatesFolder(),
  'templates-reload': () => void reloadUserTemplates(),
  undo: () => undo(),
  redo: () => redo(),
  find: () => startFind('find'),
  replace: () => startFind('replace'),
  'show-start': () => startShow(false),
  'show-current': () => startShow(true),
  about: (s) => s.openDialog('about'),
  'open-launch': () => void openLaunched(),
  delete: deleteSelected,
};

/** Carry out a command from a shortcut, the Electron menu or a button. */
export function runCommand(command: Command): void {
  ACTIONS[command](useStore.getState());
}
