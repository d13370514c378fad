/**
 * The one interface the harness runs a payment API through. Each API is a folder under
 * src/profiles/<name>/ whose index.ts exports one `Profile`; src/profiles/index.ts lists them.
 * Nothing outside a profile's folder imports from it except that registry: the scenario engine,
 * checks, run, reports, jest and the CLI ask the registry for a profile by name and use only what
 * this interface offers. Each side of the interface is declared in its own file beside this one.
 */
import type { Clause } from '../profile/clauses';
import type { ProfileDocPart } from '../profile/profile-doc';
import type { ContractSide } from './contract-side';
import type { ScenarioSide } from './scenario-side';
import type { TargetSide } from './target-side';

export interface Profile {
  /** The name configs and scenario files give (`profile: vpws`); stable, kebab-case. */
  readonly name: string;
  /** What a reader calls it ("VPWS Dealer Payment Cancellation API"). */
  readonly title: string;
  /** The first segment of its check ids (`vpws.token.upper-case`). */
  readonly idPrefix: string;
  /** The PROFILE.md section that reads its seeds ("2"). */
  readonly section: string;
  /** Its PROFILE clauses, one per rule, each with a stable id that checks cite. */
  readonly clauses: readonly Clause[];
  /** The clauses a run against a target of this profile certifies (its coverage table): all but rules that bind only the other side. */
  readonly certifiedClauses: readonly Clause[];
  /** Its part of docs/profile.md: seeds, clauses, config notes (src/profile/profile-doc.ts). */
  readonly doc: ProfileDocPart;
  /** How a scenario file of this profile is checked, loaded and run. */
  readonly scenario: ScenarioSide;
  /** Its target config, reference target, catalogue of faults and variations, preflight and commands. */
  readonly target: TargetSide;
  /** Its Pact contract, for a profile that has one. */
  readonly contract?: ContractSide;
}
