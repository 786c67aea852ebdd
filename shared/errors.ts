// Errors cross the contract as data, never as a lost rejection.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_call',
  'forbidden',
  'read_only',
  'register_too_new',
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CallError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string;
}

/** The dossiers and actiepunten (by number) a committed call touched: what a page reads again. */
export interface Touched {
  dossiers: number[];
  actiepunten: number[];
}

export type Envelope<T> = { ok: true; value: T; touched?: Touched } | { ok: false; error: CallError };

export class RegisterError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }

  toCallError(): CallError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
