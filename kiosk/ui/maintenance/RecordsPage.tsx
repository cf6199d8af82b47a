// 检测记录: the stored self-test records, as the agent read them back.

import type { RecordLine } from '../../maintenance/maintenance-view';
import { RecordList } from './RecordList';

export function RecordsPage({ records }: { records: RecordLine[] }) {
  return <RecordList records={records} />;
}
