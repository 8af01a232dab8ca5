import Type from 'typebox';
import {
  COLLECTION_NAMES,
  isCollectionName,
  SafeName,
  type CollectionName,
} from '../../shared/model';
import { HttpError } from '../http/errors';

export const CollectionParams = Type.Object({
  collection: SafeName({ maxLength: 64, description: `One of: ${COLLECTION_NAMES.join(', ')}` }),
});

export function knownCollection(name: string): CollectionName {
  if (!isCollectionName(name)) {
    throw new HttpError(404, 'COLLECTION_UNKNOWN', `There is no collection "${name}".`);
  }
  return name;
}

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
