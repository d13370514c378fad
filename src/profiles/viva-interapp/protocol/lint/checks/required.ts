import { problems, type UriCheck } from '../uri-check';

/** The seed's validation refuses an empty merchantKey (deprecated, but still checked). */
export const requiredFields: UriCheck = {
  id: 'viva.request.required',
  title: 'merchantKey, appId and callback are present and non-empty',
  level: 'MUST',
  clause: '3/request-required',
  run: (r) =>
    problems(
      ...(['merchantKey', 'appId', 'callback'] as const).map((name) => {
        const value = r.fields[name];
        if (value === undefined) return `${name} is missing`;
        return value.trim() === '' ? `${name} is empty` : undefined;
      }),
    ),
};
