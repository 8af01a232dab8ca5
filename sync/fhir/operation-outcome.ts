import type { FhirResource } from './fhir-resource';

/** FHIR issue-type codes for the refusals this endpoint makes. */
export type IssueCode =
  'invalid' | 'login' | 'forbidden' | 'not-found' | 'not-supported' | 'throttled' | 'exception';

/** An error answer as FHIR clients read one; `code` is our stable code, the text says what to do. */
export function operationOutcome(
  issue: IssueCode,
  code: string,
  message: string,
  expression?: string,
): FhirResource {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: issue === 'exception' ? 'fatal' : 'error',
        code: issue,
        details: { coding: [{ system: 'urn:stockroom-edge:error', code }], text: message },
        diagnostics: message,
        ...(expression ? { expression: [expression] } : {}),
      },
    ],
  };
}

export function issueCodeFor(status: number): IssueCode {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 406 || status === 405) return 'not-supported';
  if (status === 429) return 'throttled';
  return status < 500 ? 'invalid' : 'exception';
}
