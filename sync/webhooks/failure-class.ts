import { RefusedDestination } from './destination';
import { DeliveryTimeout } from './send';

/**
 * What a dead letter or a retry records about a failure: a class, never the error's own text,
 * which would tell an open port from a closed one or echo what an inner service answered.
 */
export type FailureClass =
  | 'refused_address'
  | 'timeout'
  | 'tls_error'
  | 'connect_failed'
  | 'http_3xx'
  | 'http_4xx'
  | 'http_5xx'
  | 'http_other'
  | 'secret_unreadable';

export const FAILURE_CLASSES: readonly FailureClass[] = [
  'refused_address',
  'timeout',
  'tls_error',
  'connect_failed',
  'http_3xx',
  'http_4xx',
  'http_5xx',
  'http_other',
  'secret_unreadable',
];

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO)/;

export function failureOfError(error: unknown): FailureClass {
  if (error instanceof RefusedDestination) return 'refused_address';
  if (error instanceof DeliveryTimeout) return 'timeout';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ETIMEDOUT') return 'timeout';
  if (typeof code === 'string' && TLS_CODE.test(code)) return 'tls_error';
  return 'connect_failed';
}

export function failureOfStatus(status: number): FailureClass {
  if (status >= 300 && status < 400) return 'http_3xx';
  if (status >= 400 && status < 500) return 'http_4xx';
  if (status >= 500 && status < 600) return 'http_5xx';
  return 'http_other';
}
