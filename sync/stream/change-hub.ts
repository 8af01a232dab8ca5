import { EventEmitter } from 'node:events';
import type { SyncDatabase } from '../db/connect';
import { parseNotice, type ChangeNotice } from '../store/notify';

/**
 * One LISTEN per process, fanned out to every open stream. Notices come from PostgreSQL, so a
 * stream on this process hears pushes made through any other process on the same database.
 */
export class ChangeHub {
  private readonly emitter = new EventEmitter();
  private stopListening: (() => Promise<void>) | null = null;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async start(database: SyncDatabase): Promise<void> {
    this.stopListening = await database.listen((payload) => {
      const notice = parseNotice(payload);
      if (notice) this.emitter.emit('change', notice);
    });
  }

  subscribe(listener: (notice: ChangeNotice) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = null;
  }
}
