// Where else a citizen can go: the nearest other kiosks and staffed windows, with their place and opening hours.
// Failure screens and the home screen's notice name them as next steps, so that "go elsewhere" is never vague.

import { z } from 'zod';

const bilingual = (what: string) =>
  z
    .object({
      zh: z.string().min(1, `${what} in Chinese`),
      en: z.string().min(1, `${what} in English`),
    })
    .strict();

export const servicePointSchema = z
  .object({
    /** A staffed window (人工窗口) or another self-service kiosk. */
    kind: z.enum(['window', 'kiosk']),
    name: bilingual('the name'),
    /** Where it is, as a citizen would find it: building, floor, street. */
    place: bilingual('the place'),
    /** Opening hours as said aloud, e.g. 周一至周五 9:00–17:00 / Mon–Fri 9:00–17:00; kiosks in malls often 24 h. */
    hours: bilingual('the opening hours'),
  })
  .strict();

export type ServicePoint = z.infer<typeof servicePointSchema>;

/** Nearest first; at most a handful fit on a failure screen. */
export const servicePointsSchema = z.array(servicePointSchema).max(6, 'at most 6 service points fit on a screen');

/** For development and demonstrations: fictitious places in Hangzhou. */
export const developmentServicePoints: ServicePoint[] = [
  {
    kind: 'window',
    name: { zh: '市民之家综合受理窗口', en: 'Citizen Home, general service windows' },
    place: { zh: '市民之家一楼（示例地址）', en: 'Citizen Home, ground floor (sample address)' },
    hours: { zh: '周一至周五 9:00–17:00，周六 9:00–12:00', en: 'Mon–Fri 9:00–17:00, Sat 9:00–12:00' },
  },
  {
    kind: 'kiosk',
    name: { zh: '街道便民服务中心自助终端', en: 'Sub-district service centre kiosk' },
    place: { zh: '便民服务中心大厅（示例地址）', en: 'Service centre hall (sample address)' },
    hours: { zh: '24 小时', en: '24 hours' },
  },
];
