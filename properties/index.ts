/**
 * Every property check, by file. A property file's default export is its list of definitions;
 * each becomes a check (src/checks/property-check.ts) with the file it comes from.
 */
import { join } from 'node:path';
import type { Check } from '../src/checks/check';
import { propertyCheck } from '../src/checks/property-check';
import type { PropertyDefinition } from '../src/property/types';
import amountsModel from './amounts-model.property';
import envelopeLocal from './envelope-local.property';
import envelopeTarget from './envelope-target.property';
import signatureLocal from './signature-local.property';
import signatureTarget from './signature-target.property';
import windowTarget from './window-target.property';

const FILES: Record<string, ReadonlyArray<PropertyDefinition<never>>> = {
  'signature-local.property.ts': signatureLocal as never,
  'envelope-local.property.ts': envelopeLocal as never,
  'signature-target.property.ts': signatureTarget as never,
  'envelope-target.property.ts': envelopeTarget as never,
  'window-target.property.ts': windowTarget as never,
  'amounts-model.property.ts': amountsModel as never,
};

export const PROPERTY_FILES = Object.keys(FILES).map((name) => join(__dirname, name));

/** The checks of one property file (by its absolute path), or of all of them. */
export function propertyChecks(file?: string): Check[] {
  return Object.entries(FILES)
    .filter(([name]) => file === undefined || join(__dirname, name) === file)
    .flatMap(([name, defs]) => defs.map((def) => propertyCheck(def as PropertyDefinition<unknown>, join(__dirname, name))));
}
