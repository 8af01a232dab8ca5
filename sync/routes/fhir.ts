import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditPersonalReads } from '../audit/read-audit';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { searchsetBundle } from '../fhir/bundle';
import { capabilityStatement, type FhirType } from '../fhir/capability-statement';
import type { FhirResource } from '../fhir/fhir-resource';
import { issueCodeFor, operationOutcome } from '../fhir/operation-outcome';
import { parseSearch, SearchParamError, type FhirSearch } from '../fhir/search-params';
import { HttpError } from '../http/errors';
import { requireKnownFacility } from '../store/fhir-facility';
import { fhirPage } from './fhir-search';

export const FHIR_BASE = '/fhir/R5';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** Every parameter as sent, repeats kept (`_lastUpdated=ge…&_lastUpdated=lt…`). */
function queryPairs(request: FastifyRequest): [string, string][] {
  return [...new URL(request.url, 'http://local').searchParams.entries()];
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${FHIR_BASE}`;
}

function refusal(error: unknown): { status: number; body: FhirResource } {
  if (error instanceof SearchParamError) {
    return {
      status: 400,
      body: operationOutcome('invalid', error.code, error.message, error.parameter),
    };
  }
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      body: operationOutcome(issueCodeFor(error.statusCode), error.code, error.message),
    };
  }
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  if (status < 500) {
    return {
      status,
      body: operationOutcome(issueCodeFor(status), 'BAD_REQUEST', (error as Error).message),
    };
  }
  return {
    status: 500,
    body: operationOutcome(
      'exception',
      'INTERNAL',
      'The server failed; the request can be retried.',
    ),
  };
}

/**
 * The read-only FHIR R5 view (`/fhir/R5`, API key scope fhir:read), as one plugin with its own
 * error handling: every refusal is an OperationOutcome with a 4xx, in application/fhir+json.
 */
export function fhirRoutes(context: SyncContext) {
  const db = context.database.db;
  const startedAt = new Date().toISOString();
  return async (app: SyncApp): Promise<void> => {
    app.setErrorHandler((error, request, reply) => {
      const { status, body } = refusal(error);
      if (status >= 500) request.log.error({ err: error }, 'FHIR request failed');
      return reply.status(status).type(FHIR_JSON).send(body);
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .type(FHIR_JSON)
        .send(
          operationOutcome(
            'not-supported',
            'NOT_FOUND',
            `No FHIR interaction ${request.method} ${request.url}: this server answers searches of SupplyRequest, SupplyDelivery, InventoryReport and InventoryItem, and GET metadata.`,
          ),
        ),
    );

    app.get(
      '/metadata',
      {
        schema: {
          tags: ['fhir'],
          summary: 'FHIR R5 CapabilityStatement: what this read-only FHIR view serves (no key)',
        },
      },
      async (_request, reply) => reply.type(FHIR_JSON).send(capabilityStatement(startedAt, '1')),
    );

    const search = (type: FhirType) =>
      app.get(
        `/${type}`,
        {
          schema: {
            tags: ['fhir'],
            summary: `FHIR R5 search of ${type}: a searchset Bundle (scope fhir:read)`,
            description:
              'Parameters: _lastUpdated (eq|ge|gt|le|lt + date or date-time, repeatable), facility, _count (1–1000), _cursor (from the next link). Answers application/fhir+json; refusals are OperationOutcome.',
          },
          onSend: auditPersonalReads(db),
        },
        async (request: FastifyRequest, reply: FastifyReply) => {
          await authenticateApiKey(db, request, 'fhir:read');
          const query: FhirSearch = parseSearch(queryPairs(request));
          await requireKnownFacility(db, query.facility);
          const page = await fhirPage(db, type, query, request.log);
          if (page.personal) {
            request.auditDetail = {
              read: `FHIR ${type}`,
              returned: page.resources.length,
              filters: Object.fromEntries(query.echo),
            };
          }
          return reply.type(FHIR_JSON).send(
            searchsetBundle({
              url: `${baseUrl(request)}/${type}`,
              params: query.echo,
              after: query.after,
              next: page.next,
              resources: page.resources,
              timestamp: new Date().toISOString(),
            }),
          );
        },
      );
    search('SupplyRequest');
    search('SupplyDelivery');
    search('InventoryReport');
    search('InventoryItem');
  };
}
