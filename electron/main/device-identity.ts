import type { PrivateFile } from './private-file';

/**
 * This installation's device id: stamped on every stock event with its per-device sequence, so it
 * must never change once used. Not a secret, so it does not depend on the OS key store: a PC
 * whose keyring is missing still has an identity to show in the enrolment screen.
 */

export const DEVICE_ID_PATTERN = /^desk-[0-9a-f]{24}$/;

export interface DeviceIdentityDeps {
  file: PrivateFile;
  /** A fresh id matching DEVICE_ID_PATTERN. */
  newDeviceId(): string;
}

export function createDeviceIdentity(deps: DeviceIdentityDeps): () => Promise<string> {
  let pending: Promise<string> | null = null;

  async function readOrCreate(): Promise<string> {
    const text = await deps.file.read();
    if (text !== null) {
      let stored: unknown;
      try {
        stored = (JSON.parse(text) as { deviceId?: unknown }).deviceId;
      } catch {
        stored = undefined;
      }
      if (typeof stored === 'string' && DEVICE_ID_PATTERN.test(stored)) return stored;
      // A damaged identity file is not silently replaced: events already carry the old id.
      throw new Error(`device identity file is damaged: ${text.slice(0, 80)}`);
    }
    const made = deps.newDeviceId();
    if (!DEVICE_ID_PATTERN.test(made)) throw new Error(`new device id is malformed: ${made}`);
    await deps.file.write(`${JSON.stringify({ deviceId: made })}\n`);
    return made;
  }

  return () => {
    // Concurrent first calls share one creation; a failure is retried on the next call.
    pending ??= readOrCreate().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
