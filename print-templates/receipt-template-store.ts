// Where the receipt template comes from: the one bundled with the kiosk (bundled/receipt.json).

// Imported, not read from a path beside this file: the compiled agent carries it inside its bundle.
import bundledReceiptJson from './bundled/receipt.json';
import { checkReceiptTemplate, type ReceiptTemplate } from './receipt-template';

/** Throws if the bundled template is invalid: that is a bug in this repository, not in the field. */
export function loadBundledReceiptTemplate(): ReceiptTemplate {
  const check = checkReceiptTemplate(bundledReceiptJson);
  if (!check.ok) throw new Error(`bundled receipt template is invalid: ${check.error.join('; ')}`);
  return check.value;
}
