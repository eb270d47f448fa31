import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRefs, itemIdFor } from '../../content/briefing/select';
import type { Briefing, BriefingItem, ItemRef } from '../../content/model/briefing';
import { emptyBriefing } from '../../content/model/briefing';
import type { Report } from '../../content/model/report';
import { refKey, type ReportIndex } from '../../content/briefing/resolve';

/** A report index of `n` blocks in report order (addRefs reads only the order). */
function indexOf(n: number): ReportIndex {
  const order = new Map<string, number>();
  for (let i = 0; i < n; i++) order.set(refKey({ type: 'block', id: `b${i}` }), i);
  return { order } as unknown as ReportIndex;
}
const ref = (i: number): ItemRef => ({ type: 'block', id: `b${i}` });
const report = {} as Report;

/** The rule written out the slow way: each new item after the last item before it in the report. */
function oneByOne(items: BriefingItem[], refs: ItemRef[], index: ReportIndex): string[] {
  const out = [...items];
  const have = new Set(out.map((i) => refKey(i.ref)));
  for (const r of refs) {
    if (have.has(refKey(r))) continue;
    have.add(refKey(r));
    const pos = index.order.get(refKey(r)) ?? Infinity;
    let at = out.length;
    for (let k = out.length - 1; k >= 0; k--) {
      if ((index.order.get(refKey(out[k]!.ref)) ?? -1) <= pos) {
        at = k + 1;
        break;
      }
      at = k;
    }
    out.splice(at, 0, { id: itemIdFor(r), ref: r });
  }
  return out.map((i) => refKey(i.ref));
}

describe('adding picks to a list', () => {
  it('places each new pick after the last item before it in the report, whether the list is in report order or rearranged', () => {
    const index = indexOf(40);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 15 }),
        fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 20 }),
        fc.boolean(),
        (existing, adding, sorted) => {
          const list = sorted ? [...existing].sort((a, b) => a - b) : existing;
          const items = list.map((i) => ({ id: itemIdFor(ref(i)), ref: ref(i) }));
          const briefing: Briefing = { ...emptyBriefing(), items };
          const got = addRefs(briefing, report, adding.map(ref), index).items;
          expect(got.map((i) => refKey(i.ref))).toEqual(oneByOne(items, adding.map(ref), index));
          expect(new Set(got.map((i) => i.id)).size).toBe(got.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('takes a whole large report at once (a 25 MB import picks tens of thousands of blocks)', () => {
    const n = 60_000;
    const index = indexOf(n);
    const refs = Array.from({ length: n }, (_, i) => ref((i * 7919) % n));
    const got = addRefs(emptyBriefing(), report, refs, index).items;
    expect(got).toHaveLength(n);
    // in report order, each block once
    expect(got.map((i) => index.order.get(refKey(i.ref)))).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
