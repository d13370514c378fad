/** The second half of the selftest (see selftest-part.ts): jest runs it beside the first. */
import { describeSelftestPart } from './selftest-part';

describeSelftestPart(1);
