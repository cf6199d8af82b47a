// A receipt template and one session's facts → the receipt printer's lines (ESC/POS is the driver's business).
// Pure: no clock, no device. A line's `when` is decided here, a group of `forEach` lines repeats per
// certificate, text is broken into rows between words before the printer would break it inside one, and a QR
// code is printed only when its address is known and is an address.

import type { Receipt, ReceiptLine } from '../device-drivers/receipt-printer/receipt-printer';
import { err, ok, type Result } from '../device-drivers/result';
import { fillPlaceholders } from './placeholders';
import { wrapToColumns } from './receipt-columns';
import type { ReceiptFacts } from './receipt-facts';
import type { ReceiptCondition, ReceiptPlaceholderName, ReceiptTemplate, ReceiptTemplateLine } from './receipt-template';
import { shanghaiDateTime } from './shanghai-date';

type Values = Partial<Record<ReceiptPlaceholderName, string>>;
type Certificate = ReceiptFacts['certificates'][number];

export function renderReceipt(template: ReceiptTemplate, facts: ReceiptFacts): Result<Receipt, string> {
  const values: Values = {
    kioskId: facts.kioskId,
    time: shanghaiDateTime(new Date(facts.at)),
    errandName: facts.errandName.zh,
    errandNameEn: facts.errandName.en,
    maskedName: facts.maskedName,
    result: facts.result.zh,
    resultEn: facts.result.en,
    nextStep: facts.nextStep?.zh ?? '',
    nextStepEn: facts.nextStep?.en ?? '',
  };
  const lines: ReceiptLine[] = [];
  const render = (at: number, lineValues: Values): string | null => {
    const line = template.lines[at]!;
    if (line.when !== undefined && !holds(line.when, facts)) return null;
    const rendered = renderLine(line, template.columns, lineValues, facts);
    if (!rendered.ok) return `lines[${at}]: ${rendered.error}`;
    lines.push(...rendered.value);
    return null;
  };
  for (let start = 0; start < template.lines.length;) {
    let end = start + 1;
    if (isPerCertificate(template.lines[start])) {
      while (isPerCertificate(template.lines[end])) end++;
      for (const certificate of facts.certificates) {
        for (let at = start; at < end; at++) {
          const problem = render(at, { ...values, ...certificateValues(certificate) });
          if (problem) return err(problem);
        }
      }
    } else {
      const problem = render(start, values);
      if (problem) return err(problem);
    }
    start = end;
  }
  return ok({ lines });
}

function isPerCertificate(line: ReceiptTemplateLine | undefined): boolean {
  return line?.kind === 'text' && line.forEach === 'certificate';
}

function certificateValues(certificate: Certificate): Values {
  return { certName: certificate.name.zh, certNameEn: certificate.name.en, certId: certificate.id };
}

function holds(condition: ReceiptCondition, facts: ReceiptFacts): boolean {
  switch (condition) {
    case 'printed':
      return facts.printed;
    case 'notPrinted':
      return !facts.printed;
    case 'hasCertificates':
      return facts.certificates.length > 0;
    case 'hasNextStep':
      return facts.nextStep !== null;
    case 'hasVerifierUrl':
      return facts.verifierUrl !== null;
    case 'hasErrandGuide':
      return facts.errandGuideUrl !== null;
    default:
      return condition satisfies never;
  }
}

/** The printed lines of one template line: a text's rows, or none for a QR code whose address is not known. */
function renderLine(line: ReceiptTemplateLine, columns: number, values: Values, facts: ReceiptFacts): Result<ReceiptLine[], string> {
  switch (line.kind) {
    case 'text': {
      const style = { size: line.size, align: line.align, ...(line.bold ? { bold: true } : {}) };
      const rows = wrapToColumns(fillPlaceholders(line.text, values), line.size === 'large' ? columns / 2 : columns);
      return ok(rows.map((text) => ({ kind: 'text', text, ...style })));
    }
    case 'separator':
      return ok([{ kind: 'text', text: line.char.repeat(columns), size: 'normal', align: 'left' }]);
    case 'feed':
      return ok([{ kind: 'feed', lines: line.lines }]);
    case 'qr': {
      const address = line.content === 'verifierUrl' ? facts.verifierUrl : facts.errandGuideUrl;
      if (address === null) return ok([]);
      if (!isPlainHttpsAddress(address)) return err('a QR code holds only an https address without a fragment');
      return ok([{ kind: 'qr', data: address }]);
    }
    default:
      return line satisfies never;
  }
}

/** Facts are checked when read, but the rule that keeps a seal off the receipt is checked where it matters too. */
function isPlainHttpsAddress(text: string): boolean {
  return text.startsWith('https://') && !text.includes('#') && !/KQ1:/i.test(text);
}
