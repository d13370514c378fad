/**
 * Every probe family, by file. A probe file's default export is its list of families; each case of
 * each family becomes a check (src/probe/family.ts) defined in that file.
 */
import { join } from 'node:path';
import type { Check } from '../src/checks/check';
import { scenarioCheck } from '../src/checks/scenario-check';
import { expandFamily, type ProbeFamily } from '../src/probe/family';
import posEnvelope from './pos-envelope.probe';
import posHeaders from './pos-headers.probe';
import posSignature from './pos-signature.probe';
import vivaFailureMessage from './viva-failure-message.probe';
import vivaRequest from './viva-request.probe';

const FILES: Record<string, readonly ProbeFamily[]> = {
  'pos-signature.probe.ts': posSignature,
  'pos-headers.probe.ts': posHeaders,
  'pos-envelope.probe.ts': posEnvelope,
  'viva-request.probe.ts': vivaRequest,
  'viva-failure-message.probe.ts': vivaFailureMessage,
};

export const PROBE_FILES = Object.keys(FILES).map((name) => join(__dirname, name));

/** The families of one probe file, by its absolute path. */
export function probeFamilies(file: string): readonly ProbeFamily[] {
  return Object.entries(FILES).find(([name]) => join(__dirname, name) === file)?.[1] ?? [];
}

/** The checks of one probe file (by its absolute path), or of all of them. */
export function probeChecks(file?: string): Check[] {
  return Object.entries(FILES)
    .filter(([name]) => file === undefined || join(__dirname, name) === file)
    .flatMap(([name, families]) => families.flatMap((family) => expandFamily(family, join(__dirname, name))).map(scenarioCheck));
}
