// 最近错误: staff alerts and failed sessions' codes, newest first (read back from the audit log).

import type { ErrorLine } from '../../maintenance/maintenance-view';
import { dateTime } from '../shanghai-time';
import { EmptyNote } from './EmptyNote';

export function ErrorsPage({ errors }: { errors: ErrorLine[] }) {
  if (errors.length === 0) return <EmptyNote />;
  return (
    <ul class="maint-list">
      {errors.map((error, i) => (
        <li key={`${error.at}-${i}`} class="maint-error" data-error-code={error.code}>
          <span class="maint-when">{dateTime(error.at)}</span>
          <code class="maint-code">{error.code}</code>
        </li>
      ))}
    </ul>
  );
}
