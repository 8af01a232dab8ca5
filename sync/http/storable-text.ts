import type { FastifyRequest } from 'fastify';
import { InputError } from './errors';

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses an unpaired surrogate; a value
 * holding either, once it reached a query, made the request fail with a 500. Schemas refuse them
 * field by field (SafeName, SafeText, Id); this check refuses them wherever a schema let one
 * through, in every route's path, query string and JSON body, with one 400 naming the field.
 */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** `text` with each NUL and lone surrogate replaced by U+FFFD, as PostgreSQL can store it. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/**
 * Routes that check each document of their body themselves and answer a refusal that names the
 * document, so the PC can set that one aside and send the rest: a generic 400 would stall its queue.
 */
const DOCUMENT_ROUTES = new Set(['/v1/replication/:collection/push']);

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  // A field name as an answer shows it: the characters at fault replaced, never echoed.
  const name = storableText(key);
  return parent ? `${parent}.${name}` : name;
}

/**
 * The first field of `value` whose name or text holds a NUL or a lone surrogate, or undefined.
 * Walked with its own stack: a JSON body nested thousands deep must not overflow the call stack.
 */
export function firstUnstorableField(value: unknown): string | undefined {
  const stack: { path: string; value: unknown }[] = [{ path: '', value }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { path, value: current } = next;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ path: pathOf(path, i), value: current[i] });
      }
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, inner] of Object.entries(current).reverse()) {
        if (UNSTORABLE.test(key)) return pathOf(path, key);
        stack.push({ path: pathOf(path, key), value: inner });
      }
    }
  }
  return undefined;
}

function refusal(field: string, where: string): InputError {
  const name = field || where;
  return new InputError(
    [
      {
        field,
        message: `${name} holds a NUL character (U+0000) or a lone surrogate, which cannot be stored; remove it and send again`,
      },
    ],
    where,
  );
}

/** The `preHandler` hook, after each route's own schema has had its say. */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
  ];
  if (!DOCUMENT_ROUTES.has(request.routeOptions.url ?? '')) parts.push(['body', request.body]);
  for (const [where, value] of parts) {
    const field = firstUnstorableField(value);
    if (field !== undefined) throw refusal(field, where);
  }
}
