import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './files';

/** Where and how big the window was, so it reopens the same. */
export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(10000),
  height: z.number().int().min(560).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1366, height: 768, maximized: false };

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Restore a saved state, dropping the position if it would put the window off every screen (a
 * monitor unplugged since) and shrinking it to fit the largest screen.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Area[]): WindowState {
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const s = parsed.data;
  const biggest = workAreas.reduce<Area | undefined>(
    (a, b) => (!a || b.width * b.height > a.width * a.height ? b : a),
    undefined,
  );
  const width = biggest ? Math.min(s.width, biggest.width) : s.width;
  const height = biggest ? Math.min(s.height, biggest.height) : s.height;
  const visible =
    s.x !== undefined &&
    s.y !== undefined &&
    workAreas.some(
      (a) => s.x! + 100 > a.x && s.x! + 100 < a.x + a.width && s.y! + 50 > a.y && s.y! + 50 < a.y + a.height,
    );
  return visible ? { ...s, width, height } : { width, height, maximized: s.maximized };
}

export function loadWindowState(file: string, workAreas: readonly Area[]): WindowState {
  try {
    return restoreWindowState(JSON.parse(readFileSync(file, 'utf8')), workAreas);
  } catch {
    return restoreWindowState(undefined, workAreas);
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(state)));
}
