import { useCallback, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useDismiss } from '../hooks';
import { useStore } from '../store/store';
import type { MenuName } from '../store/ui-slice';

interface MenuButtonProps {
  name: MenuName;
  label: ReactNode;
  title?: string;
  className?: string;
  /** the popup's items: buttons with role="menuitem" (and headings between groups) */
  children: ReactNode;
}

function menuItems(popup: HTMLElement | null): HTMLElement[] {
  return Array.from(
    popup?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled]), [role="menuitemradio"]') ?? [],
  );
}

/**
 * A toolbar button with a popup menu: opens on click, Enter or ArrowDown, moves with the arrow
 * keys, closes on Escape (focus back on the button), Tab or a click outside. Which menu is open
 * lives in the store, so Ctrl+E can open the export menu.
 */
export function MenuButton({ name, label, title, className, children }: MenuButtonProps) {
  const open = useStore((s) => s.menu === name);
  const openMenu = useStore((s) => s.openMenu);
  const button = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const close = useCallback(() => openMenu(null), [openMenu]);
  useDismiss(open, close, [button, popup], button);

  useEffect(() => {
    if (!open) return;
    // focus the first item when the menu opens, as native menus do (or the one a shortcut asked for)
    const frame = requestAnimationFrame(() => {
      const wanted = useStore.getState().menuFocus;
      const item = wanted ? popup.current?.querySelector<HTMLElement>(`[data-menu-item="${wanted}"]`) : null;
      (item ?? menuItems(popup.current)[0])?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const list = menuItems(popup.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (at + 1) % list.length : (at - 1 + list.length) % list.length;
      list[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (e.key === 'Tab') {
      close();
    }
  };

  return (
    <div className={`menu-wrap ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        title={title}
        onClick={() => openMenu(open ? null : name)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            openMenu(name);
          }
        }}
      >
        {label}
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </button>
      {open && (
        <div ref={popup} role="menu" className="menu" onKeyDown={onKeyDown}>
          {children}
        </div>
      )}
    </div>
  );
}
