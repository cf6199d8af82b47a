// Whether an errand can start now. Told on the home screen at once, so nobody waits for a kiosk that cannot
// finish: the gateway's circuit, the reader, the printer and its paper. A part every errand needs being down
// is the kiosk's problem, told once in a notice at the top of home (with what still works and where else to
// go), not on each tile.

import { a4Readiness, type PrinterReadiness } from '../../device-drivers/a4-printer/a4-printer';
import { idReaderUsable } from '../../device-drivers/id-reader/id-reader';
import type { Errand } from '../errands/catalogue';
import type { GatewayClient } from '../gateway/gateway-client';
import type { Bilingual } from '../session/session-view';
import type { ErrandAvailability } from '../session/session-view-builder';
import type { KioskDevices } from '../devices/kiosk-devices';

const GATEWAY_DOWN: Bilingual = {
  zh: '数据共享平台暂时无法访问，暂时查询不到证明',
  en: 'The data-sharing service cannot be reached, so no record can be fetched',
};
const READER_DOWN: Bilingual = { zh: '身份证读卡器暂时无法使用', en: 'The ID card reader is not working' };

const PRINTER_DOWN: Record<Exclude<PrinterReadiness, 'ready'>, Bilingual> = {
  paperOut: { zh: '打印机缺纸，暂时不能打印证明', en: 'The printer is out of paper, so no paper can be printed' },
  jammed: { zh: '打印机卡纸，暂时不能打印证明', en: 'The printer is jammed, so no paper can be printed' },
  tonerOut: { zh: '打印机墨粉用尽，暂时不能打印证明', en: 'The printer is out of toner, so no paper can be printed' },
  unavailable: { zh: '打印机未连接或故障，暂时不能打印证明', en: 'The printer is disconnected or faulty, so no paper can be printed' },
};

/**
 * `notAuthorised` holds the service codes (事项编码) the gateway said this kiosk may not do: those errands are
 * hidden until the agent restarts with new credentials.
 */
export function createErrandAvailability(
  devices: KioskDevices,
  gateway: GatewayClient,
  notAuthorised: ReadonlySet<string>,
): (errand: Errand) => ErrandAvailability {
  return (errand) => {
    if (notAuthorised.has(errand.issueCode)) {
      return {
        available: false,
        reason: { zh: '本机暂不能办理此事项，请到人工窗口', en: 'This kiosk cannot do this errand; please go to a staffed window' },
      };
    }
    // Every errand in the catalogue fetches through the gateway, reads a card and prints.
    const problems = kioskProblems(devices, gateway);
    const first = problems[0];
    if (!first) return { available: true };
    return { available: false, reason: { zh: `暂不可用：${first.zh}`, en: `Unavailable: ${first.en}` }, kioskProblems: problems };
  };
}

/** Every part errands need that is down now, in the order a citizen would meet them. */
function kioskProblems(devices: KioskDevices, gateway: GatewayClient): Bilingual[] {
  const problems: Bilingual[] = [];
  if (!gateway.available()) problems.push(GATEWAY_DOWN);
  if (!idReaderUsable(devices.idReader.status())) problems.push(READER_DOWN);
  const printer = a4Readiness(devices.a4Printer.status());
  if (printer !== 'ready') problems.push(PRINTER_DOWN[printer]);
  return problems;
}
