/**
 * The VPWS bodies' JSON Schemas (PROFILE section 2): plain JSON files beside this module (`$id`
 * `urn:paycert:vpws:<name>`), compiled with the shared helper on first use.
 */
import { schemaSet } from '../../../schemas/validator';
import vpwsCancelRequestSchema from './vpws-cancel-request.schema.json';
import vpwsResponseSchema from './vpws-response.schema.json';

export type VpwsSchemaName = 'vpws-cancel-request' | 'vpws-response';

export const VPWS_SCHEMAS = schemaSet<VpwsSchemaName>({
  'vpws-cancel-request': vpwsCancelRequestSchema,
  'vpws-response': vpwsResponseSchema,
});
