import { defaultConflictHandler, type WithDeleted } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment';
import { conflictHandlerFor } from '../../renderer/replication/conflict-handlers';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';

const alive = <T>(doc: T): WithDeleted<T> => ({ ...doc, _deleted: false }) as WithDeleted<T>;

function step(request: SupplyRequest, to: SupplyRequest['status'], at: string, by: string) {
  const moved = transition(request, to, {
    at,
    by,
    ...(to === 'cancelled' ? { note: 'Found stock on the ward' } : {}),
    ...(to === 'acknowledged' ? { approval: { policyVersion: 0, levels: 0 } } : {}),
  });
  if (!moved.ok) throw new Error(moved.error.message);
  return moved.value;
}

describe('conflict handlers', () => {
  it("every replicated collection has its own handler, none of them RxDB's default", () => {
    for (const name of COLLECTION_NAMES) {
      const handler = conflictHandlerFor(name);
      expect(handler, name).toBeDefined();
      expect(handler, name).not.toBe(defaultConflictHandler);
      expect(handler.resolve, name).not.toBe(defaultConflictHandler.resolve);
    }
  });

  it('compares documents by content, whatever the key order the centre stored them in', () => {
    const handler = conflictHandlerFor('supply_requests');
    const doc = alive<SupplyRequest>(SAMPLE_DOCUMENTS.supply_requests);
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc;
    expect(handler.isEqual(doc, reordered, 'test')).toBe(true);
    const edited: typeof doc = { ...doc, priority: 'routine' };
    expect(handler.isEqual(doc, edited, 'test')).toBe(false);
  });

  it('a request cancelled here while the centre acknowledged it: cancelled, both steps kept', async () => {
    const submitted = step(
      { ...SAMPLE_DOCUMENTS.supply_requests, status: 'draft', history: [] },
      'submitted',
      '2026-11-02T09:00:00Z',
      'USR-NM',
    );
    const approved = step(submitted, 'acknowledged', '2026-11-02T09:30:00Z', 'erp:central');
    const cancelled = step(submitted, 'cancelled', '2026-11-02T09:40:00Z', 'USR-NM');
    const resolved = await conflictHandlerFor('supply_requests').resolve(
      {
        assumedMasterState: alive(submitted),
        realMasterState: alive(approved),
        newDocumentState: alive(cancelled),
      },
      'test',
    );
    const request = resolved as unknown as SupplyRequest;
    expect(request.status).toBe('cancelled');
    expect(request.history.map((h) => h.status)).toEqual([
      'submitted',
      'acknowledged',
      'cancelled',
    ]);
  });

  it("centre-owned documents: the centre's copy wins whole", async () => {
    const centre = alive({ ...SAMPLE_DOCUMENTS.items, name: 'IV catheter 20G (new pack)' });
    const local = alive({ ...SAMPLE_DOCUMENTS.items, name: 'edited on the PC' });
    for (const name of ['items', 'par_levels', 'recall_notices', 'users'] as const) {
      const resolved = await conflictHandlerFor(name).resolve(
        { realMasterState: centre, newDocumentState: local },
        'test',
      );
      expect(resolved).toBe(centre);
    }
  });

  it("a stock event the centre holds differently: the centre's ledger of record is kept", async () => {
    const centre = alive(SAMPLE_DOCUMENTS.stock_events);
    const local = alive({ ...SAMPLE_DOCUMENTS.stock_events, quantity: 99 });
    const resolved = await conflictHandlerFor('stock_events').resolve(
      { realMasterState: centre, newDocumentState: local },
      'test',
    );
    expect(resolved).toEqual(centre);
  });

  it('a deletion on either side is kept', async () => {
    const request = alive(SAMPLE_DOCUMENTS.supply_requests);
    const deleted = { ...request, _deleted: true };
    const handler = conflictHandlerFor('supply_requests');
    expect(
      await handler.resolve({ realMasterState: deleted, newDocumentState: request }, 't'),
    ).toBe(deleted);
    expect(
      await handler.resolve({ realMasterState: request, newDocumentState: deleted }, 't'),
    ).toBe(deleted);
  });
});
