import { test } from '@playwright/test';
import { deadLetterReplayed } from './flows/webhook-flow';

test('an admin registers a webhook, sees a dead letter and replays it', async ({
  page,
  request,
}) => {
  await deadLetterReplayed(page, request);
});
