import { test } from '@playwright/test';
import { exceptionFromOpenToResolved } from './flows/exception-flow';

test('an exception goes from open to owned to resolved, live and with its history', async ({
  page,
  request,
}) => {
  await exceptionFromOpenToResolved(page, request);
});
