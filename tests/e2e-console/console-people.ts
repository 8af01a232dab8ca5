/** The console's people on the test endpoint; passwords known to the specs (test data only). */
export const CONSOLE_PEOPLE = {
  admin: { username: 'ada.admin', displayName: 'Ada Admin', password: 'e2e-admin-password-1' },
  buyer: { username: 'bo.buyer', displayName: 'Bo Buyer', password: 'e2e-buyer-password-1' },
  analyst: {
    username: 'ann.analyst',
    displayName: 'Ann Analyst',
    password: 'e2e-analyst-password-1',
  },
} as const;

export type ConsolePerson = keyof typeof CONSOLE_PEOPLE;
