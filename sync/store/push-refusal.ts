import type { FieldError } from '../../shared/model';
import { HttpError } from '../http/errors';

/** Codes about who acted, as opposed to what was sent: answered 403, the rest 422. */
const WHO_CODES: ReadonlySet<string> = new Set([
  'DEVICE_MISMATCH',
  'FACILITY_MISMATCH',
  'USER_UNKNOWN',
  'USER_INACTIVE',
  'USER_NOT_AT_FACILITY',
  'ROLE_NOT_PERMITTED',
  'CENTRE_ONLY',
  'NOT_PERMITTED',
  'DELETE_NOT_PERMITTED',
  'SAME_PERSON',
  'SECOND_PERSON_REQUIRED',
  'SECOND_PERSON_SAME',
  'SECOND_PERSON_NOT_PERMITTED',
  'SEGREGATION_OF_DUTIES',
]);

/**
 * The centre refuses one document of a push for good: nothing of the batch is stored, and the
 * answer names the document, so the PC can set it aside (its errors inbox) and send the rest. Sent
 * again unchanged it would be refused again; only a person can fix it.
 */
export class PushRefusal extends HttpError {
  constructor(
    readonly documentId: string,
    code: string,
    message: string,
    errors?: FieldError[],
  ) {
    super(WHO_CODES.has(code) ? 403 : 422, code, message, errors);
  }

  get body() {
    return {
      code: this.code,
      message: this.message,
      documentId: this.documentId,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
