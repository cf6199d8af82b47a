// The one synthetic population: test cards for the simulated reader and the dev panel, citizens for the
// gateway simulator, fixtures for the tests. Every person here is invented; every ID number is well-formed.

import type { IdCard } from '../device-drivers/id-reader/id-card';
import { idCheckCharacter } from '../device-drivers/id-reader/id-number';
import { seededRandom } from '../print-templates/fixtures/seeded-random';

export interface SyntheticCitizen {
  /** Stable key for the dev panel and tests; never shown as data. */
  key: string;
  /** The card as the reader decodes it, photo aside. */
  card: Omit<IdCard, 'photo'>;
  /** Known to the source departments; an unknown citizen gets HOLDER_NOT_FOUND. */
  known: boolean;
  ownsHousing: boolean;
  /** Where the citizen's records live (查询范围). */
  region: string;
  socialSecurity: { months: number; lastPaidMonth: string } | null;
  residenceSince: string | null;
  /** What the dev panel shows, so a tester knows what to expect. */
  label: { zh: string; en: string };
}

function idNumber(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

/** The named test cards, one per path through the flow. */
export const testCitizens: readonly SyntheticCitizen[] = [
  {
    key: 'zhang-san',
    card: {
      cardType: 'resident',
      name: '张三',
      sex: 'male',
      nation: '汉',
      birthDate: '1990-01-01',
      address: '浙江省杭州市西湖区文三路100号',
      idNumber: idNumber('33010619900101123'),
      issuingAuthority: '杭州市公安局西湖分局',
      validFrom: '2015-03-01',
      validTo: '2035-03-01',
    },
    known: true,
    ownsHousing: false,
    region: '杭州市',
    socialSecurity: { months: 86, lastPaidMonth: '2026-10' },
    residenceSince: '2016-05-20',
    label: { zh: '张三 · 无房，有社保', en: 'Zhang San · no housing, insured' },
  },
  {
    key: 'li-si',
    card: {
      cardType: 'resident',
      name: '李四',
      sex: 'female',
      nation: '汉',
      birthDate: '1985-06-15',
      address: '浙江省杭州市拱墅区湖墅南路8号',
      idNumber: idNumber('33010519850615002'),
      issuingAuthority: '杭州市公安局拱墅分局',
      validFrom: '2010-07-01',
      validTo: '2030-07-01',
    },
    known: true,
    ownsHousing: true,
    region: '杭州市',
    socialSecurity: { months: 150, lastPaidMonth: '2026-10' },
    residenceSince: '2008-09-01',
    label: { zh: '李四 · 名下有房（不符合条件）', en: 'Li Si · owns housing (not eligible)' },
  },
  {
    key: 'wang-wu',
    card: {
      cardType: 'resident',
      name: '王五',
      sex: 'male',
      nation: '汉',
      birthDate: '1972-11-30',
      address: '浙江省宁波市海曙区中山西路1号',
      idNumber: idNumber('33020319721130003'),
      issuingAuthority: '宁波市公安局海曙分局',
      validFrom: '2012-01-10',
      validTo: 'long-term',
    },
    known: false,
    ownsHousing: false,
    region: '宁波市',
    socialSecurity: null,
    residenceSince: null,
    label: { zh: '王五 · 查无此人', en: 'Wang Wu · unknown at the sources' },
  },
  {
    key: 'ayiguli',
    card: {
      cardType: 'resident',
      name: '阿依古丽·买买提',
      sex: 'female',
      nation: '维吾尔',
      birthDate: '1995-04-08',
      address: '浙江省杭州市滨江区江南大道3588号',
      idNumber: idNumber('65010219950408004'),
      issuingAuthority: '乌鲁木齐市公安局天山区分局',
      validFrom: '2019-04-08',
      validTo: '2029-04-08',
    },
    known: true,
    ownsHousing: false,
    region: '杭州市',
    socialSecurity: { months: 40, lastPaidMonth: '2026-09' },
    residenceSince: '2021-03-15',
    label: { zh: '阿依古丽·买买提 · 无房，有社保', en: 'Ayiguli Maimaiti · no housing, insured' },
  },
  {
    key: 'chan-tai-man',
    card: {
      cardType: 'hmt-residence-permit',
      name: '陈大文',
      sex: 'male',
      birthDate: '1988-02-29',
      address: '浙江省杭州市上城区解放路18号',
      idNumber: idNumber('81000019880229005'),
      issuingAuthority: '杭州市公安局',
      validFrom: '2022-06-01',
      validTo: '2027-06-01',
      passNumber: 'H60123456',
      issueCount: '01',
    },
    known: true,
    ownsHousing: false,
    region: '杭州市',
    socialSecurity: { months: 30, lastPaidMonth: '2026-10' },
    residenceSince: '2022-06-01',
    label: { zh: '陈大文 · 港澳居民居住证', en: 'Chan Tai Man · HK/Macau residence permit' },
  },
  {
    key: 'anna-schmidt',
    card: {
      cardType: 'foreign-permanent-resident-2023',
      name: '施安娜',
      englishName: 'SCHMIDT, ANNA',
      sex: 'female',
      birthDate: '1983-09-12',
      idNumber: idNumber('93327619830912006'),
      nationality: 'DEU',
      validFrom: '2024-01-15',
      validTo: '2034-01-15',
    },
    known: true,
    ownsHousing: false,
    region: '杭州市',
    socialSecurity: { months: 24, lastPaidMonth: '2026-10' },
    residenceSince: '2023-11-01',
    label: { zh: '施安娜 · 外国人永久居留身份证', en: 'Anna Schmidt · foreign permanent resident' },
  },
];

/**
 * A card whose ID number fails its check digit: what a misread looks like. The reader must refuse it.
 * (Built from Zhang San's card with the last character changed.)
 */
export const misreadCard: Omit<IdCard, 'photo'> = (() => {
  const good = testCitizens[0]!.card;
  const wrong = good.idNumber.slice(0, 17) + (good.idNumber[17] === '1' ? '2' : '1');
  return { ...good, idNumber: wrong };
})();

// ---- a larger, deterministic population for the simulator and load tests ----

const REGIONS: ReadonlyArray<{ code: string; city: string; address: string }> = [
  { code: '330102', city: '杭州市', address: '浙江省杭州市上城区' },
  { code: '330105', city: '杭州市', address: '浙江省杭州市拱墅区' },
  { code: '330106', city: '杭州市', address: '浙江省杭州市西湖区' },
  { code: '330108', city: '杭州市', address: '浙江省杭州市滨江区' },
  { code: '330109', city: '杭州市', address: '浙江省杭州市萧山区' },
  { code: '330110', city: '杭州市', address: '浙江省杭州市余杭区' },
  { code: '330203', city: '宁波市', address: '浙江省宁波市海曙区' },
  { code: '330302', city: '温州市', address: '浙江省温州市鹿城区' },
  { code: '330402', city: '嘉兴市', address: '浙江省嘉兴市南湖区' },
  { code: '330502', city: '湖州市', address: '浙江省湖州市吴兴区' },
  { code: '330602', city: '绍兴市', address: '浙江省绍兴市越城区' },
  { code: '330702', city: '金华市', address: '浙江省金华市婺城区' },
  { code: '330802', city: '衢州市', address: '浙江省衢州市柯城区' },
  { code: '330902', city: '舟山市', address: '浙江省舟山市定海区' },
  { code: '331002', city: '台州市', address: '浙江省台州市椒江区' },
  { code: '331102', city: '丽水市', address: '浙江省丽水市莲都区' },
  { code: '110101', city: '北京市', address: '北京市东城区' },
  { code: '310101', city: '上海市', address: '上海市黄浦区' },
  { code: '320102', city: '南京市', address: '江苏省南京市玄武区' },
  { code: '340102', city: '合肥市', address: '安徽省合肥市瑶海区' },
  { code: '360102', city: '南昌市', address: '江西省南昌市东湖区' },
  { code: '410102', city: '郑州市', address: '河南省郑州市中原区' },
  { code: '440103', city: '广州市', address: '广东省广州市荔湾区' },
  { code: '510104', city: '成都市', address: '四川省成都市锦江区' },
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华红梅志强婷欣怡子涵浩然宇轩梓萱雨桐俊杰晨曦思远嘉怡';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `count` invented residents across regions: about 1 in 8 owns housing, 1 in 20 is unknown. */
export function generatePopulation(count: number, seed = 20261123): SyntheticCitizen[] {
  const random = seededRandom(seed);
  const pick = <T>(items: ArrayLike<T>): T => items[Math.floor(random() * items.length)]!;
  const citizens: SyntheticCitizen[] = [];
  const used = new Set<string>();
  while (citizens.length < count) {
    const region = pick(REGIONS);
    const year = 1940 + Math.floor(random() * 66);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const male = random() < 0.5;
    const sequence = Math.floor(random() * 500) * 2 + (male ? 1 : 0);
    const first17 = `${region.code}${year}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`;
    if (used.has(first17)) continue;
    used.add(first17);
    const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');
    const birthDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    const issuedYear = Math.max(year + 16, 2010) + Math.floor(random() * 10);
    const known = random() >= 0.05;
    const insured = known && random() < 0.85;
    citizens.push({
      key: `p${citizens.length}`,
      card: {
        cardType: 'resident',
        name,
        sex: male ? 'male' : 'female',
        nation: '汉',
        birthDate,
        address: `${region.address}示例路${1 + Math.floor(random() * 300)}号`,
        idNumber: idNumber(first17),
        issuingAuthority: `${region.city}公安局`,
        validFrom: `${issuedYear}-${pad(month, 2)}-${pad(day, 2)}`,
        validTo: year < 1980 ? 'long-term' : `${issuedYear + 20}-${pad(month, 2)}-${pad(day, 2)}`,
      },
      known,
      ownsHousing: known && random() < 0.125,
      region: region.city,
      socialSecurity: insured ? { months: 1 + Math.floor(random() * 360), lastPaidMonth: '2026-10' } : null,
      residenceSince: known ? `${2000 + Math.floor(random() * 26)}-${pad(month, 2)}-${pad(day, 2)}` : null,
      label: { zh: `${name}`, en: `synthetic resident ${citizens.length}` },
    });
  }
  return citizens;
}

/** Everyone the simulator knows about: the named test citizens and a generated thousand. */
export function simulatorPopulation(): SyntheticCitizen[] {
  return [...testCitizens, ...generatePopulation(1000)];
}
