import { describe, expect, it } from 'vitest';
import { commandForKey, shortcutLabel } from '../../renderer/commands';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});
const browser = { editing: false, nativeUndo: false, menuKeys: null };

describe('keyboard shortcuts', () => {
  it('maps the standard shortcuts', () => {
    expect(commandForKey(key('z', { ctrl: true }), browser)).toBe('undo');
    expect(commandForKey(key('y', { ctrl: true }), browser)).toBe('redo');
    expect(commandForKey(key('Z', { ctrl: true, shift: true }), browser)).toBe('redo');
    expect(commandForKey(key('s', { ctrl: true }), browser)).toBe('save');
    expect(commandForKey(key('S', { ctrl: true, shift: true }), browser)).toBe('save-as');
    expect(commandForKey(key('o', { ctrl: true }), browser)).toBe('open');
    expect(commandForKey(key('e', { ctrl: true }), browser)).toBe('export');
    expect(commandForKey(key('n', { ctrl: true }), browser)).toBe('new');
    expect(commandForKey(key('z', { meta: true }), browser)).toBe('undo');
    expect(commandForKey(key('Delete'), browser)).toBe('delete');
  });

  it('leaves ordinary typing alone', () => {
    expect(commandForKey(key('z'), browser)).toBeNull();
    expect(commandForKey(key('Delete'), { ...browser, editing: true })).toBeNull();
    expect(commandForKey(key('z', { ctrl: true, alt: true }), browser)).toBeNull();
  });

  it('undoes the document even while typing in an item, but not in the paste box', () => {
    expect(commandForKey(key('z', { ctrl: true }), { ...browser, editing: true })).toBe('undo');
    expect(
      commandForKey(key('z', { ctrl: true }), { ...browser, editing: true, nativeUndo: true }),
    ).toBeNull();
    expect(commandForKey(key('s', { ctrl: true }), { ...browser, editing: true, nativeUndo: true })).toBe(
      'save',
    );
  });

  it('leaves menu shortcuts to the desktop app’s menu, so each runs once', () => {
    const electron = { ...browser, menuKeys: 'other' as const };
    expect(commandForKey(key('z', { ctrl: true }), electron)).toBeNull();
    expect(commandForKey(key('s', { ctrl: true }), electron)).toBeNull();
    expect(commandForKey(key('y', { ctrl: true }), electron)).toBeNull();
    expect(commandForKey(key('Delete'), electron)).toBe('delete');
    // the menu shows one shortcut per item: the page still takes the other redo key
    expect(commandForKey(key('z', { ctrl: true, shift: true }), electron)).toBe('redo');
    const mac = { ...browser, menuKeys: 'mac' as const };
    expect(commandForKey(key('z', { meta: true, shift: true }), mac)).toBeNull();
    expect(commandForKey(key('y', { meta: true }), mac)).toBe('redo');
  });

  it('takes every key of the command table, and shows each shortcut as the table has it', async () => {
    const { COMMANDS, COMMAND_IDS, keyLabel } = await import('../../content/commands');
    for (const command of COMMAND_IDS)
      for (const k of COMMANDS[command].keys as ReadonlyArray<{
        key: string;
        mod?: boolean;
        shift?: boolean;
      }>)
        expect(
          commandForKey(key(k.key, { ctrl: k.mod ?? false, shift: k.shift ?? false }), browser),
          keyLabel(k),
        ).toBe(command);
    expect(shortcutLabel('save-as')).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('redo')).toBe('Ctrl+Y');
    expect(shortcutLabel('about')).toBe('');
  });
});
