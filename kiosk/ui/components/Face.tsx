// A drawn face for the five-level rating: the mouth's curve carries the meaning, the label says it too.

const MOUTHS: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: 'M14 38 Q32 56 50 38',
  4: 'M17 40 Q32 50 47 40',
  3: 'M18 42 L46 42',
  2: 'M17 46 Q32 38 47 46',
  1: 'M14 50 Q32 34 50 50',
};

export function Face({ score }: { score: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <svg class="face" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="22" cy="25" r="3.5" fill="currentColor" />
      <circle cx="42" cy="25" r="3.5" fill="currentColor" />
      <path d={MOUTHS[score]} fill="none" stroke="currentColor" stroke-width="3.5" stroke-linecap="round" />
    </svg>
  );
}
