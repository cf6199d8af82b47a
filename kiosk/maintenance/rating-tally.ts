// 好差评 counts by score and errand since a start time, for staff: a small tally file in the ratings directory
// (<dataDir>/ratings/tally.json), kept across restarts. Counts only: no rating's tags, no time of day.

import { join } from 'node:path';
import { z } from 'zod';
import { openJsonStateFile } from './json-state-file';

export type ScoreCounts = [number, number, number, number, number];

const countsSchema = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]);
const tallySchema = z.object({ since: z.string(), byErrand: z.record(z.string(), countsSchema) });
type Tally = z.infer<typeof tallySchema>;

export async function openRatingTally(ratingsDir: string, now: () => Date = () => new Date()) {
  const file = await openJsonStateFile<Tally>(join(ratingsDir, 'tally.json'), tallySchema, () => ({
    since: now().toISOString(),
    byErrand: {},
  }));
  return {
    counts(): { since: string; byScore: ScoreCounts; byErrand: Array<{ errandId: string; byScore: ScoreCounts }> } {
      const { since, byErrand } = file.get();
      const byScore: ScoreCounts = [0, 0, 0, 0, 0];
      for (const counts of Object.values(byErrand)) counts.forEach((count, i) => (byScore[i] = (byScore[i] ?? 0) + count));
      return {
        since,
        byScore,
        byErrand: Object.entries(byErrand).map(([errandId, counts]) => ({ errandId, byScore: [...counts] as ScoreCounts })),
      };
    },
    /** A rating of a catalogue errand (the caller checks the id); a score outside 1–5 is not counted. */
    add(errandId: string, score: number): Promise<void> {
      if (!Number.isInteger(score) || score < 1 || score > 5) return Promise.resolve();
      const tally = file.get();
      const counts: ScoreCounts = [...(tally.byErrand[errandId] ?? [0, 0, 0, 0, 0])];
      counts[score - 1] = (counts[score - 1] ?? 0) + 1;
      return file.set({ ...tally, byErrand: { ...tally.byErrand, [errandId]: counts } });
    },
  };
}

export type RatingTally = Awaited<ReturnType<typeof openRatingTally>>;
