/**
 * The words that start a failure's message when a check could not judge the target: other parts
 * read them (the engine counts unanswered checks to tell a stopped target, the console sums up
 * checks not run), so each is written in one place.
 */

/** A request of the check got no whole answer (timeout, reset, not HTTP...). */
export const NO_ANSWER = 'no answer from the target: ';

/** The engine did not run the check (a stopped target, --max-time). */
export const NOT_RUN = 'not run: ';
