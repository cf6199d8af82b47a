// What each source department says about a citizen: whether it can certify, and in which words. Wording
// follows the certificates real Zhejiang departments print; dates are Asia/Shanghai dates.

import { certTypeNames, type CertType } from '../../kiosk/errands/catalogue';
import type { CertificateField } from '../../kiosk/gateway/certificate';
import { formatDateZh, formatMonthZh, shanghaiDate } from '../../print-templates/shanghai-date';
import type { Holder } from '../../kiosk/gateway/wire-format';
import type { SyntheticCitizen } from '../synthetic-population';

export type CertificateContent =
  { eligible: true; title: string; statement: string; fields: CertificateField[] } | { eligible: false; message: string };

const ID_LABELS: Record<Holder['idType'], string> = {
  'resident-id': '身份证号码',
  'hmt-residence-permit': '居住证号码',
  'foreign-permanent-resident': '永久居留身份证号码',
};

/** `today` is the Asia/Shanghai date of issue, YYYY-MM-DD. */
export function certificateContent(certType: CertType, citizen: SyntheticCitizen, holder: Holder, today: string): CertificateContent {
  const who = `${holder.name}（${ID_LABELS[holder.idType]}${holder.idNumber}）`;
  const asOf = formatDateZh(shanghaiDate(today));
  const title = certTypeNames[certType].zh;
  switch (certType) {
    case 'no-property-proof':
      if (citizen.ownsHousing) return { eligible: false, message: '查询范围内有登记在册的住房，不能出具无房证明' };
      return {
        eligible: true,
        title,
        statement: `经查询，截至${asOf}，${who}在${citizen.region}范围内无登记在册的住房。`,
        fields: [{ key: 'region', label: '查询范围', value: citizen.region }],
      };
    case 'social-security-record': {
      const record = citizen.socialSecurity;
      if (!record) return { eligible: false, message: '未查询到社会保险参保记录' };
      return {
        eligible: true,
        title,
        statement: `经查询，截至${asOf}，${who}在${citizen.region}参加社会保险，累计缴费${record.months}个月，最近缴费月份为${formatMonthZh(record.lastPaidMonth)}。`,
        fields: [
          { key: 'region', label: '参保地', value: citizen.region },
          { key: 'months', label: '累计缴费月数', value: String(record.months) },
          { key: 'lastPaidMonth', label: '最近缴费月份', value: record.lastPaidMonth },
        ],
      };
    }
    case 'residence-proof': {
      const since = citizen.residenceSince;
      if (!since) return { eligible: false, message: '未查询到居住登记记录' };
      return {
        eligible: true,
        title,
        statement: `经查询，${who}自${formatDateZh(shanghaiDate(since))}起在${citizen.region}登记居住，截至${asOf}登记状态正常。`,
        fields: [
          { key: 'region', label: '居住地', value: citizen.region },
          { key: 'since', label: '居住起始日期', value: since },
        ],
      };
    }
    case 'household-registration-proof':
      // Only mainland residents have a 户籍 (household registration).
      if (holder.idType !== 'resident-id') return { eligible: false, message: '非内地居民户籍人员，无户籍登记信息' };
      return {
        eligible: true,
        title,
        statement: `经查询，截至${asOf}，${who}的户籍登记在${citizen.region}。`,
        fields: [{ key: 'region', label: '户籍所在地', value: citizen.region }],
      };
  }
}
