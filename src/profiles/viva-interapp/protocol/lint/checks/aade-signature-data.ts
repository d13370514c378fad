import { signatureDataProblem } from '../../aade';
import { problems, type UriCheck } from '../uri-check';

export const aadeSignatureData: UriCheck = {
  id: 'viva.request.aade-signature-data',
  title: 'aadeProviderSignatureData has the 8 fields joined by ";"',
  level: 'MUST',
  clause: '3/request-aade',
  run: (r) => {
    const data = r.fields.aadeProviderSignatureData;
    if (data === undefined || data === '') return problems();
    const problem = signatureDataProblem(data);
    return problems(problem !== undefined && `aadeProviderSignatureData ${problem}`);
  },
};
