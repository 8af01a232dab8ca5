import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Format } from 'typebox/format';
import { DATE_TIME_HINT, isRepresentableDateTime } from './date-time-format';
import { ID_PATTERN, SAFE_NAME_PATTERN, SAFE_TEXT_PATTERN } from './primitives';

// Every validator of the project, the PC's and the centre's, is compiled below, and a compiled
// check keeps the format function it found: the stricter date-time rule is set before any is.
Format.Set('date-time', isRepresentableDateTime);

export interface FieldError {
  /** Dotted path of the offending field, e.g. `lines[0].quantity`; '' for the document itself. */
  field: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface Validator<T> {
  check(value: unknown): value is T;
  validate(value: unknown): Validation<T>;
}

/** `/lines/0/quantity` → `lines[0].quantity`, the form a person reads in an error message. */
export function pointerToField(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
      '',
    );
}

interface RawError {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

function describe(error: RawError): FieldError {
  const field = pointerToField(error.instancePath);
  if (error.keyword === 'required') {
    const missing = (error.params['requiredProperties'] as string[] | undefined) ?? [];
    const name = missing.map((m) => (field ? `${field}.${m}` : m)).join(', ');
    return { field: name || field, message: `${name || 'a field'} is required` };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params['additionalProperties'] as string[] | undefined) ?? [];
    const name = extra.map((m) => (field ? `${field}.${m}` : m)).join(', ');
    return { field: name, message: `${name} is not a known field` };
  }
  if (error.keyword === 'pattern' && SAFE_PATTERNS.has(String(error.params['pattern']))) {
    return {
      field,
      message: `${field || 'document'} holds a NUL, a control character or a lone surrogate; remove it`,
    };
  }
  if (error.keyword === 'pattern' && error.params['pattern'] === ID_PATTERN) {
    return { field, message: `${field || 'document'} may hold only letters, digits and . _ : -` };
  }
  if (error.keyword === 'format' && error.params['format'] === 'date-time') {
    return { field, message: `${field || 'document'} ${DATE_TIME_HINT}` };
  }
  return { field, message: `${field || 'document'} ${error.message}` };
}

const SAFE_PATTERNS = new Set([SAFE_NAME_PATTERN, SAFE_TEXT_PATTERN]);

/** Keywords that only echo a more precise error reported beside them. */
const ECHOES = new Set(['boolean', 'anyOf', 'const']);

export function compileValidator<S extends TSchema>(schema: S): Validator<Static<S>> {
  const compiled = Compile(schema);
  return {
    check: (value: unknown): value is Static<S> => compiled.Check(value),
    validate(value: unknown): Validation<Static<S>> {
      if (compiled.Check(value)) return { ok: true, value };
      const raw = [...compiled.Errors(value)] as RawError[];
      const precise = raw.filter((e) => !ECHOES.has(e.keyword));
      const errors = (precise.length > 0 ? precise : raw).map(describe);
      const unique = errors.filter(
        (e, i) => errors.findIndex((o) => o.field === e.field && o.message === e.message) === i,
      );
      return { ok: false, errors: unique };
    },
  };
}
