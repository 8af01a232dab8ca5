import {
  COLLECTIONS,
  documentValidator,
  type CollectionName,
  type FieldError,
} from '../../shared/model';
import type { DeviceActor } from '../auth/device-auth';
import { HttpError } from '../http/errors';
import { PushRefusal } from './push-refusal';
import { replicatedState, splitDeleted, type Doc } from './canonical';

export interface PushRow {
  assumedMasterState?: Doc | null;
  newDocumentState: Doc;
}

export interface CheckedRow {
  id: string;
  body: Doc;
  deleted: boolean;
  assumed: Doc | null;
}

/**
 * Everything about a push that can be decided before touching the database: may this device write
 * this collection, is every document valid, and does every document belong to its facility. Any
 * failure refuses the whole batch, so nothing of it is stored.
 */
export function checkPush(
  collection: CollectionName,
  device: DeviceActor,
  rows: readonly PushRow[],
): CheckedRow[] {
  const definition = COLLECTIONS[collection];
  if (definition.owner === 'centre') {
    throw new HttpError(
      403,
      'COLLECTION_READ_ONLY',
      `${definition.title} are kept by the centre; a stockroom cannot change them.`,
    );
  }
  const validator = documentValidator(collection);
  const invalid: FieldError[] = [];
  let firstInvalid: string | undefined;
  const checked = rows.map((row, index): CheckedRow => {
    const { body, deleted } = splitDeleted(row.newDocumentState);
    const result = validator.validate(body);
    if (!result.ok) {
      firstInvalid ??= String(body['id'] ?? `row ${index}`);
      for (const e of result.errors) {
        invalid.push({ field: `[${index}].newDocumentState.${e.field}`, message: e.message });
      }
    }
    return {
      id: String(body['id']),
      body,
      deleted,
      assumed: row.assumedMasterState ? replicatedState(row.assumedMasterState) : null,
    };
  });
  if (invalid.length > 0) {
    throw new PushRefusal(
      firstInvalid ?? '',
      'DOCUMENT_INVALID',
      `Nothing was stored: ${invalid[0]?.field} — ${invalid[0]?.message}`,
      invalid,
    );
  }
  if (definition.scope === 'facility') {
    const foreign = checked.find((row) => row.body['facilityId'] !== device.facilityId);
    if (foreign) {
      throw new PushRefusal(
        foreign.id,
        'FACILITY_MISMATCH',
        `Document "${foreign.id}" belongs to facility "${String(foreign.body['facilityId'])}", not this device's; nothing was stored.`,
      );
    }
  }
  return checked;
}
