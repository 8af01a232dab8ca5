import { expect, it } from 'vitest';
import { createApiKey, listApiKeys } from '../../sync/admin/api-keys';
import { HttpError } from '../../sync/http/errors';
import { describeOnBackends } from './sync-helpers/backends';

/**
 * An API key's name is checked and taken as one step: six creations under one name at once (a
 * double-clicked form, the CLI beside the console, two endpoint processes) each saw the name free
 * and all stored it, so Rotate and Revoke were a guess again.
 */
describeOnBackends('API key names under concurrent creation', 'api_key_name_race', (server) => {
  it('six creations under one name at once store one key; the others are told the name is taken', async () => {
    const { db } = server().database;
    const answers = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        createApiKey(db, {
          name: i % 2 === 0 ? 'erp-raced' : 'ERP-raced ',
          scopes: ['events:read'],
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refusals = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
    expect(refusals).toHaveLength(5);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(HttpError);
      expect((refusal as HttpError).code).toBe('API_KEY_NAME_TAKEN');
    }
    const { apiKeys } = await listApiKeys(db);
    expect(apiKeys.filter((k) => k.name.trim().toLowerCase() === 'erp-raced')).toHaveLength(1);
  });
});
