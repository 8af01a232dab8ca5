import { expect } from 'vitest';
import { uniqueId } from '../sync-helpers/devices';
import type { TestServer } from '../sync-helpers/server';
import { ConsoleClient } from './console-client';

/** A new console user of `role` (named `name`), added by the admin command and signed in. */
export async function signedInAs(
  server: TestServer,
  role: 'buyer' | 'analyst' | 'admin',
  name?: string,
): Promise<{ client: ConsoleClient; username: string }> {
  const username = uniqueId(role).toLowerCase();
  const { password } = (await server.admin(
    'console-user',
    'add',
    '--username',
    username,
    '--role',
    role,
    ...(name ? ['--name', name] : []),
  )) as { password: string };
  const client = new ConsoleClient(server.url);
  expect((await client.signIn(username, password)).status).toBe(200);
  return { client, username };
}

/** A new console user of `role`, added by the admin command and signed in: their client. */
export async function signedInPerson(
  server: TestServer,
  role: 'buyer' | 'analyst' | 'admin',
): Promise<ConsoleClient> {
  return (await signedInAs(server, role)).client;
}
