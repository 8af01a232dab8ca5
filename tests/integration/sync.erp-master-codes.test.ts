import { expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { signedInPerson } from './console-helpers/console-person';
import { call, createApiKey, uniqueId } from './sync-helpers/devices';
import { freshGtin } from './sync-helpers/gtins';
import type { TestServer } from './sync-helpers/server';

type Errors = { code: string; message: string; errors: { field: string; message: string }[] };

const storedIds = async (server: TestServer, collection: string, ids: string[]) =>
  (
    await server.database.db
      .selectFrom('documents')
      .select('id')
      .where('collection', '=', collection)
      .where('id', 'in', ids)
      .execute()
  ).map((r) => r.id);

const item = (gtins: string[], id = uniqueId('ITM')) => ({
  ...SAMPLE_DOCUMENTS.items,
  id,
  gtins,
  hibccCodes: [],
});

/**
 * Hostile-input audit: the ERP could store an item whose GTIN no label can carry, give one GTIN to
 * two items (a scan then took whichever came first), and enter recall notices that match nothing:
 * no product, a reversed lot range, an expiry window ending before it starts, or an effective
 * date in year 9999. Each is refused with nothing stored, and says what to send instead.
 */
describeOnBackends(
  'sync: the item master and recalls name what a label carries',
  'erp_codes',
  (server) => {
    it('a GTIN with a wrong check digit is a 422 naming it; the batch is not stored', async () => {
      const key = await createApiKey(server(), ['items:write']);
      const good = item([freshGtin()]);
      const right = freshGtin();
      const wrong = `${right.slice(0, 13)}${(Number(right[13]) + 1) % 10}`;
      const typo = item([wrong]);
      const answer = await call(server(), 'PUT', '/v1/erp/items', key, [good, typo]);
      expect(answer.status).toBe(422);
      const body = answer.body as Errors;
      expect(body.code).toBe('DOCUMENT_INVALID');
      expect(body.errors).toEqual([
        {
          field: '[1].gtins[0]',
          message: `GTIN ${wrong} has a wrong check digit (it should end in ${right[13]}): check it against the label`,
        },
      ]);
      expect(await storedIds(server(), 'items', [good.id, typo.id])).toEqual([]);
    });

    it('one GTIN for two items is a 409 naming both; moving it in one batch is stored', async () => {
      const key = await createApiKey(server(), ['items:write']);
      const gtin = freshGtin();
      const first = item([gtin]);
      expect(await call(server(), 'PUT', '/v1/erp/items', key, [first])).toMatchObject({
        status: 200,
      });
      const second = item([gtin]);
      const taken = await call(server(), 'PUT', '/v1/erp/items', key, [second]);
      expect(taken.status).toBe(409);
      expect((taken.body as Errors).code).toBe('PRODUCT_CODE_TAKEN');
      expect((taken.body as Errors).message).toContain(`GTIN ${gtin} would name both item`);
      expect((taken.body as Errors).message).toContain(first.id);
      expect((taken.body as Errors).message).toContain(second.id);
      expect(await storedIds(server(), 'items', [second.id])).toEqual([]);

      // Two new items sharing a code in one batch: the same refusal, nothing stored.
      const twins = [item([freshGtin()]), item([])];
      twins[1]!.gtins = [...twins[0]!.gtins];
      expect(await call(server(), 'PUT', '/v1/erp/items', key, twins)).toMatchObject({
        status: 409,
      });
      expect(
        await storedIds(
          server(),
          'items',
          twins.map((t) => t.id),
        ),
      ).toEqual([]);

      // The code moves: the old item without it and the new one with it, together.
      const moved = await call(server(), 'PUT', '/v1/erp/items', key, [
        { ...first, gtins: [], status: 'inactive' },
        second,
      ]);
      expect(moved).toMatchObject({ status: 200, body: { written: 2, unchanged: 0 } });
      // Sending the new holder again is harmless.
      expect(await call(server(), 'PUT', '/v1/erp/items', key, [second])).toMatchObject({
        status: 200,
        body: { written: 0, unchanged: 1 },
      });
    });

    it('a recall that would match nothing, or not yet, is a 422 on the ERP and the console routes alike', async () => {
      const key = await createApiKey(server(), ['recalls:write']);
      const recall = (changes: Record<string, unknown>) => ({
        ...SAMPLE_DOCUMENTS.recall_notices,
        id: uniqueId('RCL'),
        ...changes,
      });
      const refusals: [Record<string, unknown>, string][] = [
        [{ gtins: [] }, 'gtins'],
        [{ lotRanges: [{ from: 'A1999', to: 'A1000' }] }, 'lotRanges[0]'],
        [{ expiryFrom: '2027-03-01', expiryTo: '2027-01-31' }, 'expiryFrom'],
        [{ effectiveAt: '9999-12-31T23:59:59Z' }, 'effectiveAt'],
        [{ gtins: ['09504000059109'] }, 'gtins[0]'],
      ];
      for (const [changes, field] of refusals) {
        const sent = recall(changes);
        const answer = await call(server(), 'POST', '/v1/erp/recalls', key, sent);
        expect(answer.status, JSON.stringify(changes)).toBe(422);
        expect((answer.body as Errors).errors.map((e) => e.field)).toEqual([field]);
        expect((answer.body as Errors).message).toMatch(/^Nothing was stored: /);
        expect(await storedIds(server(), 'recall_notices', [sent.id])).toEqual([]);
      }
      // The console's form for a network without an ERP is checked by the same rule.
      const buyer = await signedInPerson(server(), 'buyer');
      const typed = await buyer.request(
        'POST',
        '/v1/admin/recalls',
        recall({ lotRanges: [{ from: 'B9', to: 'B1' }] }),
      );
      expect(typed.status).toBe(422);
      expect(typed.body.message).toBe(
        'Nothing was stored: lotRanges[0] — lot range "B9" to "B1" starts after it ends: send it with the ends the right way round',
      );
      const sound = recall({ lotRanges: [{ from: 'A1000', to: 'A1999' }] });
      expect(await call(server(), 'POST', '/v1/erp/recalls', key, sound)).toMatchObject({
        status: 201,
      });
    });
  },
);
