// "暂无 / None" for an empty list, so an empty page is not mistaken for one still loading.

import { Bi } from '../components/Bi';
import { strings } from '../strings';

export function EmptyNote() {
  return (
    <p class="note" data-empty="true">
      <Bi text={strings.none} />
    </p>
  );
}
