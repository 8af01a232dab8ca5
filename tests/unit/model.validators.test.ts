import { describe, expect, it } from 'vitest';
import {
  COLLECTION_NAMES,
  documentValidator,
  isRepresentableDateTime,
  pointerToField,
  can,
} from '../../shared/model';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';

describe('API validators derived from shared/model', () => {
  it.each(COLLECTION_NAMES)('accepts the sample %s document', (name) => {
    expect(documentValidator(name).validate(SAMPLE_DOCUMENTS[name])).toEqual({
      ok: true,
      value: SAMPLE_DOCUMENTS[name],
    });
  });

  it('names the field of a nested error', () => {
    const request = structuredClone(SAMPLE_DOCUMENTS.supply_requests);
    request.lines[0]!.quantity = 0;
    const result = documentValidator('supply_requests').validate(request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain('lines[0].quantity');
  });

  it('names a missing field and an unknown one', () => {
    const { actorId: _dropped, ...withoutActor } = SAMPLE_DOCUMENTS.stock_events;
    const result = documentValidator('stock_events').validate({ ...withoutActor, colour: 'red' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const fields = result.errors.map((e) => e.field);
      expect(fields).toContain('actorId');
      expect(fields).toContain('colour');
    }
  });

  it('refuses impossible calendar dates and offset-less instants', () => {
    const event = { ...SAMPLE_DOCUMENTS.stock_events, expiry: '2026-02-29' };
    expect(documentValidator('stock_events').check(event)).toBe(false);
    const noOffset = { ...SAMPLE_DOCUMENTS.stock_events, occurredAt: '2026-11-02T08:15:00' };
    expect(documentValidator('stock_events').check(noOffset)).toBe(false);
  });

  it('refuses date-times JavaScript or the database cannot hold, naming the field and what to send', () => {
    const at = (occurredAt: string) =>
      documentValidator('stock_events').validate({ ...SAMPLE_DOCUMENTS.stock_events, occurredAt });
    for (const refused of [
      '2026-12-31T23:59:60Z', // a leap second: RFC 3339 allows it, Date does not
      '2026-06-30T23:59:60+00:00',
      '2026-13-01T08:00:00Z',
      '2026-02-30T08:00:00Z',
      '2026-12-01T08:00:00Z[Europe/Paris]', // an RFC 9557 zone suffix
      '0000-01-01T00:00:00Z', // no year 0 in PostgreSQL
      '9999-12-31T23:59:59-01:00', // year 10000 in UTC
    ]) {
      const result = at(refused);
      expect(result.ok, refused).toBe(false);
      if (!result.ok) {
        expect(result.errors[0]).toMatchObject({ field: 'occurredAt' });
        expect(result.errors[0]!.message).toMatch(/e\.g\. 2026-12-01T08:00:00Z.*no leap second/);
      }
    }
    for (const kept of [
      '2026-12-31T23:59:59Z',
      '2026-12-31t23:59:59.123456z',
      '2028-02-29T12:00:00+14:00',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      expect(at(kept).ok, kept).toBe(true);
      expect(isRepresentableDateTime(kept), kept).toBe(true);
      expect(Number.isNaN(new Date(kept).getTime()), kept).toBe(false);
    }
  });

  it('refuses a GTIN that is not 14 digits and an unknown enum value', () => {
    const item = { ...SAMPLE_DOCUMENTS.items, gtins: ['9504000059101'] };
    const result = documentValidator('items').validate(item);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.field).toBe('gtins[0]');
    expect(documentValidator('items').check({ ...SAMPLE_DOCUMENTS.items, unit: 'litre' })).toBe(
      false,
    );
  });

  it('turns JSON pointers into the paths people read', () => {
    expect(pointerToField('')).toBe('');
    expect(pointerToField('/lines/12/note')).toBe('lines[12].note');
    expect(pointerToField('/a~1b/c~0d')).toBe('a/b.c~d');
  });
});

describe('roles', () => {
  it('lets a supervisor close a recall and a tech not', () => {
    expect(can('supervisor', 'recall.close')).toBe(true);
    expect(can('tech', 'recall.close')).toBe(false);
    expect(can('nurse-manager', 'request.urgent')).toBe(true);
    expect(can('tech', 'stock.adjust.approve')).toBe(false);
    expect(can('admin', 'users.manage')).toBe(true);
  });
});
