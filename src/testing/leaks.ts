/**
 * Test helpers that look for secrets and full card numbers in what a paycert run left behind:
 * its console and every report file. The forms a secret could come back in are worked out here,
 * independently of the redactor they check.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The report files a run may write (others' reporters included): every one present is searched. */
const OUTPUT_FILES = ['report.json', 'junit.xml', 'summary.md', 'report.html', 'certificate.json'];

export interface SecretForm {
  form: string;
  anyCase: boolean;
}

/**
 * Every form a secret could come back in, worked out here independently of the redactor: as is,
 * hex in either case, base64 (padded or not), base64url, percent-encoded, and the base64
 * characters that encode only the secret inside a longer base64 text, at each alignment.
 */
function formsOf(bytes: Buffer, text?: string): SecretForm[] {
  const forms = [
    { form: bytes.toString('hex'), anyCase: true },
    { form: bytes.toString('base64'), anyCase: false },
    { form: bytes.toString('base64').replace(/=+$/, ''), anyCase: false },
    { form: bytes.toString('base64url'), anyCase: false },
  ];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
    forms.push({ form: core, anyCase: false }, { form: core.replace(/\+/g, '-').replace(/\//g, '_'), anyCase: false });
  }
  if (text !== undefined) forms.push({ form: text, anyCase: false }, { form: encodeURIComponent(text), anyCase: true }, { form: encodeURIComponent(encodeURIComponent(text)), anyCase: true });
  return forms;
}

/** The forms of each secret (text) and of the MSK (hex), as bytes and as text. */
export function secretForms(secrets: readonly string[], mskHex?: string) {
  const forms = secrets.flatMap((s) => formsOf(Buffer.from(s, 'utf8'), s));
  if (mskHex) forms.push(...formsOf(Buffer.from(mskHex, 'hex')), ...formsOf(Buffer.from(mskHex, 'utf8'), mskHex));
  return forms;
}

/** The outputs of a run: its console and every report file it wrote. */
export function outputsOf(result: { stdout: string; stderr: string }, reports: string): Array<[string, string]> {
  const files = OUTPUT_FILES.map((name) => join(reports, name)).filter((path) => existsSync(path) && statSync(path).isFile());
  return [['stdout', result.stdout], ['stderr', result.stderr], ...files.map((path): [string, string] => [path, readFileSync(path, 'utf8')])];
}

/** Every secret form and full card number found in any output, as `where: what` lines (none expected). */
export function leaks(outputs: ReadonlyArray<[string, string]>, forms: readonly SecretForm[], pans: readonly string[]): string[] {
  const found: string[] = [];
  for (const [where, text] of outputs) {
    const lower = text.toLowerCase();
    for (const { form, anyCase } of forms) if (anyCase ? lower.includes(form.toLowerCase()) : text.includes(form)) found.push(`${where}: ${form}`);
    for (const pan of pans) if (text.includes(pan)) found.push(`${where}: card ${pan}`);
  }
  return found;
}
