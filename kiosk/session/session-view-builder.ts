// Builds the UI's view from the machine's snapshot: the one place that decides what the screen may see.
// Names and ID numbers are masked everywhere but on the preview, where the citizen must check them.

import { maskIdNumber, maskName } from '../privacy/mask';
import { certTypeNames, type Errand } from '../errands/catalogue';
import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import { failureView } from './failures';
import { paperCheckView } from './paper-check';
import { partialErrandView } from './partial-errand';
import type { SessionMachine } from './session-machine';
import type { Bilingual, DocumentPreview, ErrandDetail, ErrandTile, ScreenName, SessionView } from './session-view';
import type { SnapshotFrom } from 'xstate';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

export interface ErrandAvailability {
  available: boolean;
  reason?: Bilingual;
}

const purposeNames: Record<string, Bilingual> = {
  'provident-fund-withdrawal': { zh: '提取住房公积金', en: 'Provident-fund withdrawal' },
  'personal-record': { zh: '个人留存或提交单位', en: 'Personal records or an employer' },
  'residence-verification': { zh: '居住情况核验', en: 'Residence verification' },
};

function screenOf(snapshot: SessionSnapshot): ScreenName {
  if (snapshot.matches('home')) return 'home';
  if (snapshot.matches('staff')) return 'staff';
  if (snapshot.matches('outOfService')) return 'outOfService';
  if (snapshot.matches('takeCard') || snapshot.matches('ending')) return 'takeCard';
  if (snapshot.matches({ paperCheck: 'scanning' })) return 'checkScan';
  if (snapshot.matches({ paperCheck: 'result' })) return 'checkResult';
  const flow = (
    [
      'requirements',
      'placeCard',
      'consent',
      'fetching',
      'partial',
      'preview',
      'printing',
      'takeItems',
      'rating',
      'thanks',
      'failed',
    ] as const
  ).find((step) => snapshot.matches({ session: { flow: step } }));
  if (flow) return flow;
  if (snapshot.matches({ session: { flow: 'cardChecked' } })) return 'placeCard';
  if (snapshot.matches({ session: { flow: 'preparing' } })) return 'fetching';
  throw new Error(`no screen for state ${JSON.stringify(snapshot.value)}`);
}

function tile(errand: Errand, availability: (errand: Errand) => ErrandAvailability): ErrandTile {
  const { available, reason } = availability(errand);
  return { id: errand.id, name: errand.name, summary: errand.summary, available, ...(reason ? { unavailableReason: reason } : {}) };
}

function detail(errand: Errand, availability: (errand: Errand) => ErrandAvailability): ErrandDetail {
  return {
    ...tile(errand, availability),
    certificates: errand.certTypes.map((type) => certTypeNames[type]),
    bring: errand.bring,
    sources: errand.sources,
    purpose: purposeNames[errand.purposeCode] ?? { zh: errand.purposeCode, en: errand.purposeCode },
  };
}

export function buildSessionView(snapshot: SessionSnapshot, availability: (errand: Errand) => ErrandAvailability): SessionView {
  const { context } = snapshot;
  const screen = screenOf(snapshot);
  const card = context.card;
  const documents: DocumentPreview[] | null =
    screen === 'preview' && context.certificates
      ? context.certificates.map((cert) => ({
          title: cert.title,
          issuerName: cert.issuer.name,
          certId: cert.certId,
          statement: cert.statement,
          fields: cert.fields.map(({ label, value }) => ({ label, value })),
          holderName: cert.holder.name,
          holderIdNumber: cert.holder.idNumber,
          issuedOn: shanghaiIsoDate(new Date(cert.issuedAt)),
          validUntil: cert.validUntil,
        }))
      : null;
  return {
    screen,
    prefs: context.prefs,
    errands: screen === 'home' ? context.catalogue.map((errand) => tile(errand, availability)) : [],
    errand: context.errand && screen !== 'home' ? detail(context.errand, availability) : null,
    holder: card ? { maskedName: maskName(card.name), maskedIdNumber: maskIdNumber(card.idNumber) } : null,
    cardProblem:
      screen === 'placeCard' && context.cardProblem
        ? { zh: '未能读取身份证，请拿起后重新平放在读卡区', en: 'The card could not be read. Lift it and lay it flat on the reader again.' }
        : null,
    documents,
    printStage: screen === 'printing' || screen === 'takeItems' ? context.printStage : null,
    canCancel: snapshot.matches('session') && !snapshot.matches({ session: { flow: { printing: 'running' } } }),
    failure: screen === 'failed' && context.failure ? failureView(context.failure) : null,
    partial:
      (screen === 'partial' || screen === 'preview' || screen === 'takeItems') && context.partial
        ? partialErrandView(context.partial)
        : null,
    countdown: snapshot.matches({ session: { attention: 'warning' } })
      ? { secondsLeft: context.countdown, canExtend: context.extensions < context.settings.maxExtensions }
      : null,
    paperWaiting: context.paperWaiting,
    paperCheck: screen === 'checkResult' && context.paperCheck ? paperCheckView(context.paperCheck) : null,
  };
}
