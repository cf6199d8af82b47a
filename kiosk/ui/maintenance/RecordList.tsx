// Stored self-test records, newest first: what, when, who, how long, the outcome in a word, and their
// details (device facts only: the agent keeps no personal data in a record).

import type { RecordLine } from '../../maintenance/maintenance-view';
import { Bi } from '../components/Bi';
import { dateTime } from '../shanghai-time';
import { strings } from '../strings';
import { EmptyNote } from './EmptyNote';
import { outcomeLabel, recordTestLabel } from './maintenance-labels';
import { StatusBadge } from './StatusBadge';

export function RecordList({ records }: { records: RecordLine[] }) {
  if (records.length === 0) return <EmptyNote />;
  return (
    <ul class="maint-list">
      {records.map((record) => (
        <li key={record.id} class="maint-record" data-record={record.id} data-outcome={record.outcome}>
          <div class="maint-record-head">
            <StatusBadge
              status={record.outcome === 'passed' ? 'good' : record.outcome === 'failed' ? 'bad' : 'neutral'}
              label={outcomeLabel[record.outcome]}
            />
            <strong>
              <Bi text={recordTestLabel(record.test)} />
            </strong>
            <span class="maint-when">{dateTime(record.startedAt)}</span>
            <span class="maint-when">{record.durationMs} ms</span>
            <span class="maint-when">
              {strings.recordBy.zh} / {strings.recordBy.en}: {record.by}
            </span>
          </div>
          {record.details.length > 0 && (
            <p class="maint-details">
              {record.details.map((detail) => (
                <span key={detail.name} class="maint-detail">
                  {detail.name}: {detail.value}
                </span>
              ))}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
