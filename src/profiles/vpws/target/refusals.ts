/**
 * The refusals of the VPWS target and their words. PROFILE section 2 fixes statuses, errorCode
 * being non-null and the shape, never the text, so `liberties.messageText: 'other'` swaps every
 * text (here for Turkish, the language of the seed's own gateway) to prove no check reads them.
 */
import type { VpwsLiberties, VpwsMayChoices } from './options';
import type { VpwsErrorCode, VpwsRefusal } from './types';

type TextKey =
  | VpwsErrorCode
  | 'success'
  | 'cancelFailed'
  | 'unauthorized'
  | 'forbidden'
  | 'badJson'
  | 'badField'
  | 'noRoute'
  | 'method'
  | 'tooLarge'
  | 'malformedHttp'
  | 'internal';

const TEXTS: Record<VpwsLiberties['messageText'], Record<TextKey, string>> = {
  default: {
    success: '',
    cancelFailed: 'Cancellation failed',
    unauthorized: 'Unauthorized',
    forbidden: 'Forbidden',
    badJson: 'The request body is not a JSON object',
    badField: 'reason must be a string and referenceCode a string',
    noRoute: 'Not Found',
    method: 'Method Not Allowed',
    tooLarge: 'The request body exceeds 1 MiB',
    malformedHttp: 'Malformed HTTP request',
    internal: 'Internal Server Error',
    TX_NOT_SUCCESSFUL: 'Only successful transactions (transactionStatusId = 1) can be cancelled',
    PROVISION_EXPIRED: 'The bank provision period of this transaction has expired',
    NOT_FOUND: 'No transaction has this referenceCode',
    ALREADY_CANCELLED: 'The transaction is already cancelled',
    REFERENCE_REQUIRED: 'referenceCode is required',
  },
  other: {
    success: 'İşlem başarılı',
    cancelFailed: 'İptal işlemi başarısız',
    unauthorized: 'Yetkisiz erişim',
    forbidden: 'Yetki hatası',
    badJson: 'Geçersiz istek gövdesi',
    badField: 'Geçersiz alan tipi',
    noRoute: 'Kaynak bulunamadı',
    method: 'Desteklenmeyen metot',
    tooLarge: 'İstek gövdesi çok büyük',
    malformedHttp: 'Hatalı HTTP isteği',
    internal: 'Sunucu hatası',
    TX_NOT_SUCCESSFUL: 'Yalnızca başarılı işlemler iptal edilebilir',
    PROVISION_EXPIRED: 'Banka provizyon süresi dolmuş',
    NOT_FOUND: 'İşlem bulunamadı',
    ALREADY_CANCELLED: 'İşlem zaten iptal edilmiş',
    REFERENCE_REQUIRED: 'referenceCode zorunludur',
  },
};

/** A text in the target's chosen words. */
export function text(key: TextKey, liberties: VpwsLiberties): string {
  return TEXTS[liberties.messageText][key];
}

/** A refusal whose body has `data: null`. */
export function plainRefusal(status: number, key: Exclude<TextKey, VpwsErrorCode>, liberties: VpwsLiberties): VpwsRefusal {
  return { status, message: text(key, liberties) };
}

/**
 * A refused cancel: `data.isSuccess` false with this errorCode. Its HTTP status is the target's
 * choice (`may.refusalStatus`, or `may.missingReferenceStatus` for REFERENCE_REQUIRED).
 */
export function cancelRefusal(code: VpwsErrorCode, may: VpwsMayChoices, liberties: VpwsLiberties): VpwsRefusal {
  const status = code === 'REFERENCE_REQUIRED' ? may.missingReferenceStatus : may.refusalStatus;
  return { status, message: text('cancelFailed', liberties), error: { code, message: text(code, liberties) } };
}
