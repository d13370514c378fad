/**
 * What a profile's operation throws when a step cannot be sent as written. The runner knows these
 * two and nothing of the profile behind them.
 */

/**
 * The step is a probe this target cannot be sent (a near miss that leaves the value as it is: a
 * token without letters has no other case): the check is skipped with this message, never passed.
 */
export class StepNotApplicable extends Error {
  override readonly name: string = 'StepNotApplicable';
}

/**
 * The step cannot be sent because the target config lacks what it needs (credentials its profile
 * asks for): the step fails with this message, which says what to set.
 */
export class StepUnsendable extends Error {
  override readonly name: string = 'StepUnsendable';
}
