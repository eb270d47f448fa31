import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** True once `on` has stayed true for `ms`: a progress bar for work that takes noticeably long. */
export function useDelayed(on: boolean, ms: number): boolean {
  // each stretch of `on` is its own session, so a new one starts hidden again
  const session = useMemo(() => (on ? {} : null), [on]);
  const [ready, setReady] = useState<object | null>(null);
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => setReady(session), ms);
    return () => clearTimeout(timer);
  }, [session, ms]);
  return session !== null && ready === session;
}

/** An element's content width, kept current as the window or the panes resize. */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Close a popup on a click outside it or on Escape (focus goes back to its button). */
export function useDismiss(
  open: boolean,
  close: () => void,
  refs: ReadonlyArray<RefObject<HTMLElement | null>>,
  returnFocus?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (refs.some((r) => r.current?.contains(e.target as Node))) return;
      close();
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
      returnFocus?.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close, refs, returnFocus]);
}

export interface PaneSize {
  w: number;
  h: number;
}

/** An element's outer size, kept current as the window or the panes resize. */
export function useSize<T extends HTMLElement>(): [RefObject<T | null>, PaneSize] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<PaneSize>({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const w = Math.floor(entry.contentRect.width);
      const h = Math.floor(entry.contentRect.height);
      setSize((old) => (old.w === w && old.h === h ? old : { w, h }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
