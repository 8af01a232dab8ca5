import type { Dexie, Transaction } from 'dexie';

/**
 * RxDB's Dexie queries open the object store by the name its own layout gives every collection,
 * `docs` (dexie-query.js), on the raw IndexedDB transaction. In the ledger's shared database each
 * collection has a documents table of its own name, so an instance's connection answers `docs`
 * with that table. Everything else is the connection itself.
 */
export function withDocsTable(dexie: Dexie, table: string): Dexie {
  return new Proxy(dexie, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'transaction') {
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      }
      return (...args: unknown[]) => {
        const scope = args.pop() as (tx: Transaction) => unknown;
        // Dexie's overloads take the tables spread or as an array; the scope is always last.
        const transaction = target.transaction.bind(target) as (...a: unknown[]) => unknown;
        return transaction(...args, (tx: Transaction) => scope(docsNamed(tx, table)));
      };
    },
  });
}

function docsNamed(tx: Transaction, table: string): Transaction {
  const idb = tx.idbtrans;
  const renamed = new Proxy(idb, {
    get(target, property) {
      if (property === 'objectStore')
        return (name: string) => target.objectStore(name === 'docs' ? table : name);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'idbtrans') return renamed;
      return Reflect.get(target, property, target) as unknown;
    },
  });
}
