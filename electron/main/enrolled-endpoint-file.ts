import { readFile, writeFile } from 'node:fs/promises';
import { enrolledEndpointOrigin, type EndpointOrigin } from './enrolled-endpoint';

/**
 * The main process's copy of the enrolled endpoint's origin, kept in the profile so the policy of
 * the first page after a restart already names it. Whatever is read or written passes the same
 * check; a damaged file counts as not enrolled (the looser pre-enrolment policy, never none).
 */
export interface EnrolledEndpointSetting {
  origin(): string | null;
  set(address: unknown): Promise<EndpointOrigin>;
  /** Back to not enrolled: the looser policy, so a new endpoint can be reached to enrol again. */
  clear(): Promise<void>;
}

export async function loadEnrolledEndpoint(file: string): Promise<EnrolledEndpointSetting> {
  let current: string | null = null;
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { address?: unknown };
    const checked = enrolledEndpointOrigin(saved.address);
    if (checked.ok) current = checked.origin;
  } catch {
    current = null;
  }
  return {
    origin: () => current,
    set: async (address) => {
      const checked = enrolledEndpointOrigin(address);
      if (!checked.ok) return checked;
      await writeFile(file, `${JSON.stringify({ address: checked.origin })}\n`, { mode: 0o600 });
      current = checked.origin;
      return checked;
    },
    clear: async () => {
      await writeFile(file, `${JSON.stringify({ address: null })}\n`, { mode: 0o600 });
      current = null;
    },
  };
}
