import type { Stat } from '../model/report';

/** A statistic as `briefing inspect --json` prints it: every field of its meaning named, null when the text says none. */
export type InspectedStat = Omit<Stat, 'qualifier' | 'period' | 'basis'> & {
  qualifier: string | null;
  period: string | null;
  basis: string | null;
};

/** Name every field of what a statistic means, so a reader of the JSON sees what was not found too. */
export function inspectedStat(stat: Stat): InspectedStat {
  return {
    ...stat,
    qualifier: stat.qualifier ?? null,
    period: stat.period ?? null,
    basis: stat.basis ?? null,
  };
}
