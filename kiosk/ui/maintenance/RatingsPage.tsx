// 好差评: counts by score (5 非常满意 first), in total and per errand, since the persisted start.

import type { RatingCounts } from '../../maintenance/maintenance-view';
import type { Bilingual } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { dateTime } from '../shanghai-time';
import { strings } from '../strings';

// Display order: best first, as on the rating screen. Index into byScore is score − 1.
const SCORES: Array<{ score: number; label: Bilingual }> = [
  { score: 5, label: strings.rate5 },
  { score: 4, label: strings.rate4 },
  { score: 3, label: strings.rate3 },
  { score: 2, label: strings.rate2 },
  { score: 1, label: strings.rate1 },
];

export function RatingsPage({ ratings }: { ratings: RatingCounts }) {
  const row = (key: string, name: Bilingual, byScore: RatingCounts['byScore'], total = false) => (
    <tr key={key} data-ratings-row={key} class={total ? 'maint-total' : undefined}>
      <th scope="row">
        <Bi text={name} />
      </th>
      {SCORES.map(({ score }) => (
        <td key={score} data-score={score}>
          {byScore[score - 1]}
        </td>
      ))}
    </tr>
  );
  return (
    <>
      <p class="note" data-ratings-since={ratings.since}>
        {strings.ratingsSince.zh} / {strings.ratingsSince.en}: {dateTime(ratings.since)}
      </p>
      <table class="maint-table">
        <thead>
          <tr>
            <th scope="col" />
            {SCORES.map(({ score, label }) => (
              <th key={score} scope="col">
                <Bi text={label} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row('total', strings.ratingsTotal, ratings.byScore, true)}
          {ratings.byErrand.map((errand) => row(errand.errandId, errand.name, errand.byScore))}
        </tbody>
      </table>
    </>
  );
}
