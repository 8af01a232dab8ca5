import type { CollectionDefinition } from './collections';

/**
 * The RxDB JSON schema of a collection, derived from its one declaration. The shape is written out
 * here rather than imported from rxdb so that shared/ stays free of the app's libraries; the
 * renderer's store checks it against RxJsonSchema where it uses it.
 */
export interface DerivedRxJsonSchema {
  title: string;
  version: number;
  primaryKey: 'id';
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes: (string | string[])[];
  encrypted?: string[];
  additionalProperties: false;
}

interface ObjectSchemaShape {
  properties?: Record<string, unknown>;
  required?: string[];
}

export function toRxJsonSchema(definition: CollectionDefinition): DerivedRxJsonSchema {
  // A JSON round trip drops TypeBox's non-enumerable markers and gives RxDB a plain, frozen-safe copy.
  const plain = JSON.parse(JSON.stringify(definition.schema)) as ObjectSchemaShape;
  const schema: DerivedRxJsonSchema = {
    title: definition.title,
    version: definition.version,
    primaryKey: 'id',
    type: 'object',
    properties: plain.properties ?? {},
    required: plain.required ?? [],
    indexes: definition.indexes.map((index) => (typeof index === 'string' ? index : [...index])),
    additionalProperties: false,
  };
  if (definition.encrypted.length > 0) schema.encrypted = [...definition.encrypted];
  return schema;
}
