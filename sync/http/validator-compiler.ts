import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { compileValidator } from '../../shared/model';
import { InputError } from './errors';

/**
 * Requests are checked by the same compiled TypeBox validators as documents (shared/model), so an
 * error names the field the same way everywhere. Query strings and path parameters arrive as text
 * and are converted to the declared types first.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = compileValidator(schema);
  const convert = httpPart === 'querystring' || httpPart === 'params' || httpPart === 'headers';
  return (data: unknown) => {
    const value = convert ? Value.Convert(schema, data) : data;
    const result = validator.validate(value);
    return result.ok ? { value } : { error: new InputError(result.errors, httpPart ?? 'request') };
  };
};
