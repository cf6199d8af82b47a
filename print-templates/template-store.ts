// Where A4 templates come from. For the walking skeleton: the bundled template shipped with the kiosk.
// Signed operator updates (verify, test-render, switch atomically, keep the previous one) will land here too.

// Imported, not read from a path beside this file: the compiled agent carries it inside its bundle.
import bundledTemplateJson from './bundled/certificate-a4.json';
import { err } from '../device-drivers/result';
import { type A4Template, type TemplateCheck, checkA4Template } from './template-schema';

/** Parses and checks a template file's text; a syntax error is a problem like any other. */
export function readA4Template(jsonText: string): TemplateCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch (error) {
    return err([`(template): not JSON: ${(error as Error).message}`]);
  }
  return checkA4Template(parsed);
}

/** The template the kiosk ships with. Throws if it is invalid: that is a bug in this repository, not in the field. */
export function loadBundledTemplate(): A4Template {
  const check = checkA4Template(bundledTemplateJson);
  if (!check.ok) throw new Error(`bundled A4 template is invalid: ${check.error.join('; ')}`);
  return check.value;
}
