import type { Briefing, BriefingItem, Output } from '../model/briefing';

/**
 * A briefing holds two item lists, one per output: the slides (幻灯片) and the Word brief (Word
 * 简报), each with its own draft and edits. `items` is always the list of the briefing's current
 * `output` — what the desk shows and edits, and what every compose and edit function reads — and
 * `otherItems` keeps the other output's list aside until staff switch to it. An empty or absent
 * list is a fresh draft: compose makes the automatic draft for it.
 *
 * Keeping the shown list in `items` leaves every function that reads `briefing.items` unchanged;
 * the one rule a caller must follow is to ask for the list of the output it makes (`briefingFor`)
 * rather than assume the briefing is showing it.
 */

/** The item list of one output, whichever the briefing shows. */
export function itemsFor(briefing: Briefing, output: Output): readonly BriefingItem[] {
  return briefing.output === output ? briefing.items : (briefing.otherItems ?? []);
}

/**
 * The briefing showing `output`'s list in `items` (the same object when it already does): switching
 * output in the desk, and what an exporter composes from.
 */
export function briefingFor(briefing: Briefing, output: Output): Briefing {
  if (briefing.output === output) return briefing;
  return { ...briefing, output, items: briefing.otherItems ?? [], otherItems: briefing.items };
}
