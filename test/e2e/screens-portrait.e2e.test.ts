// Every screen of the citizen's UI in every mode on the portrait 1080×1920 screen: pictures against the reviewed
// references, axe-core, ux.md's sizes and contrast, the errand's taps, no personal data left (screen-walk.ts).
// `UPDATE_SCREENS=1 npx vitest run test/e2e/screens-` rewrites the references of both screens, for review.

import { describeEveryScreenIn } from '../support/screen-walk';

describeEveryScreenIn('portrait');
