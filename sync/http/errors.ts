import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../shared/model';

/** An answer the caller can act on: a stable code, a sentence, and the fields at fault. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    /** Structured facts of the refusal (a time, a record), so a screen need not parse the sentence. */
    readonly detail?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export class InputError extends HttpError {
  constructor(errors: FieldError[], where: string) {
    const first = errors[0];
    super(
      400,
      'INVALID_INPUT',
      first ? `${where}: ${first.message}` : `${where} is not valid`,
      errors,
    );
  }
}

/** Fastify's own failures, renamed to codes that do not leak the framework. */
const FRAMEWORK_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The JSON body is empty.' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'BODY_TOO_LARGE',
    message: 'The body is larger than this server accepts; send smaller batches.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the body as application/json.',
  },
};

export function handleError(
  error: FastifyError | HttpError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof HttpError) {
    return reply.status(error.statusCode).send({
      code: error.code,
      message: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.detail,
    });
  }
  const known = error.code ? FRAMEWORK_CODES[error.code] : undefined;
  const status = error.statusCode ?? 500;
  if (known) return reply.status(status).send(known);
  if (status < 500) {
    return reply.status(status).send({ code: 'BAD_REQUEST', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply
    .status(500)
    .send({ code: 'INTERNAL', message: 'The server failed; the request can be retried.' });
}
