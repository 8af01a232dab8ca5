import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { compileValidator, type FieldError } from '../../shared/model';
import { InputError } from './errors';

/**
 * Requests are checked by the same compiled TypeBox validators as documents (shared/model), so an
 * error names the field the same way everywhere. Query strings and path parameters arrive as text
 * and are converted to the declared types first.
 */
/**
 * TypeBox's conversion turns "1.5" into 1 for an integer, so a fraction would pass unseen: the text
 * of an integer parameter must be digits before it is converted.
 */
function fractionalIntegers(schema: TSchema, data: unknown): FieldError[] {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  if (!properties || typeof data !== 'object' || data === null) return [];
  return Object.entries(properties)
    .filter(([name, property]) => {
      const raw = (data as Record<string, unknown>)[name];
      return property.type === 'integer' && typeof raw === 'string' && !/^-?\d+$/.test(raw);
    })
    .map(([name]) => ({ field: name, message: `${name} must be a whole number` }));
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = compileValidator(schema);
  const convert = httpPart === 'querystring' || httpPart === 'params' || httpPart === 'headers';
  return (data: unknown) => {
    const fractions = convert ? fractionalIntegers(schema, data) : [];
    if (fractions.length > 0) return { error: new InputError(fractions, httpPart ?? 'request') };
    const value = convert ? Value.Convert(schema, data) : data;
    const result = validator.validate(value);
    return result.ok ? { value } : { error: new InputError(result.errors, httpPart ?? 'request') };
  };
};
