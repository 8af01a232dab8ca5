import { COLLECTIONS, type CollectionName } from './collections';
import type { Static } from 'typebox';
import { compileValidator, type Validator } from './validate';

type Documents = { [K in CollectionName]: Static<(typeof COLLECTIONS)[K]['schema']> };

const cache = new Map<CollectionName, Validator<unknown>>();

/** The validator for one collection's documents, compiled once from the same declaration as RxDB's schema. */
export function documentValidator<K extends CollectionName>(name: K): Validator<Documents[K]> {
  let validator = cache.get(name);
  if (!validator) {
    validator = compileValidator(COLLECTIONS[name].schema);
    cache.set(name, validator);
  }
  return validator as Validator<Documents[K]>;
}

export type CollectionDocument<K extends CollectionName> = Documents[K];
