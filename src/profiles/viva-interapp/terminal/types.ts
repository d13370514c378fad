/** The terminal simulator's data: its transaction book and what has happened to each entry. */

/** A payment the terminal made, as the book lists it. */
export interface BookTransaction {
  type: 'sale' | 'preauth';
  orderCode: string;
  shortOrderCode: string;
  /** The STAN: what `referenceNumber` searches by. */
  stan: string;
  /** ISO 8601 with offset. */
  date: string;
  /** Cents. */
  amount: number;
  card: { type: string; number: string };
  /** The terminal that made it: a `shortOrderCode` finds only this terminal's payments. */
  tid: string;
  /** For `aadeTransactionId`: the 12-digit RRN and 6-character authorization code. */
  rrn: string;
  authCode: string;
}

export interface TransactionBook {
  terminal: {
    /** This terminal's TID. */
    tid: string;
    /** The acquirer's code, the first part of `aadeTransactionId`. */
    acquirerCode: string;
    /** The offset the terminal writes dates in, like `+0300`. */
    offset: string;
  };
  transactions: BookTransaction[];
}

/** A book entry and what was cancelled or refunded of it. */
export interface BookEntry {
  tx: BookTransaction;
  /** Cents refunded so far. */
  refunded: number;
  /** Voided (a same-day full cancel): nothing is left. */
  voided: boolean;
}
