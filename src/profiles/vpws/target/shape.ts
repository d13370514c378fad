/**
 * The answer shape of PROFILE section 2, as a list of problems (empty when the body conforms).
 * The target's tests hold every answer to it; extra fields are allowed, as PROFILE names only
 * the fields that must be there.
 */

const WRAPPER_NULLS = ['exceptions', 'oldData', 'errors'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems with `body` as a section 2 answer; with `httpStatus`, statusCode must repeat it. */
export function vpwsShapeProblems(body: unknown, httpStatus?: number): string[] {
  if (!isObject(body)) return ['the body is not a JSON object'];
  const problems: string[] = [];
  if (typeof body.message !== 'string') problems.push('message is not a string');
  if (typeof body.statusCode !== 'number' || !Number.isInteger(body.statusCode)) problems.push('statusCode is not an integer');
  else if (httpStatus !== undefined && body.statusCode !== httpStatus) problems.push(`statusCode ${body.statusCode} is not the HTTP status ${httpStatus}`);
  // The seed shows these as null; PROFILE asks only that they are there.
  for (const field of WRAPPER_NULLS) if (!(field in body)) problems.push(`${field} is missing`);
  const data = body.data;
  if (data === null) return problems;
  if (!isObject(data)) return [...problems, 'data is neither an object nor null'];
  if (typeof data.lastAmount !== 'number') problems.push('data.lastAmount is not a number');
  if (typeof data.transactionStatusId !== 'number' || !Number.isInteger(data.transactionStatusId)) problems.push('data.transactionStatusId is not an integer');
  if (typeof data.isSuccess !== 'boolean') problems.push('data.isSuccess is not a boolean');
  for (const field of ['errorCode', 'errorMessage'] as const) {
    if (!(field in data)) problems.push(`data.${field} is missing`);
    else if (data[field] !== null && typeof data[field] !== 'string') problems.push(`data.${field} is neither a string nor null`);
  }
  return problems;
}
