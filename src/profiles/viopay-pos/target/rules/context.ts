/** What every rule may read: the target's options (clock, MAY choices, liberties) and state. */
import type { TargetOptions } from '../options';
import type { TargetStore } from '../store';

export interface RuleContext {
  options: TargetOptions;
  store: TargetStore;
}
