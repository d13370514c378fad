import { problems, type UriCheck } from '../uri-check';

export const actionCancel: UriCheck = {
  id: 'viva.request.action',
  title: 'action is cancel',
  level: 'MUST',
  clause: '3/request-action',
  run: (r) => {
    const action = r.fields.action;
    if (action === undefined) return problems('action is missing (it must be "cancel")');
    return problems(action !== 'cancel' && `action is "${action}", not "cancel"`);
  },
};
