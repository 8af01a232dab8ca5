import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pcReportHeaders, readPcReport } from '../../shared/console/pc-report';
import { contactUpdate, CONTACT_RESOLUTION_MS } from '../../sync/auth/device-contact';

describe('PC report headers', () => {
  it('reads back what a PC sends', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9][0-9A-Za-z.+-]{0,20}$/),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        (appVersion, waiting) => {
          expect(readPcReport(pcReportHeaders({ appVersion, waiting }))).toEqual({
            appVersion,
            waiting,
          });
        },
      ),
    );
  });

  it('never takes a value it cannot vouch for', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (version, waiting) => {
        const report = readPcReport({
          'x-stockroom-app-version': version,
          'x-stockroom-waiting': waiting,
        });
        if (report.appVersion !== null) expect(report.appVersion).toMatch(/^[0-9A-Za-z.+-]{1,40}$/);
        if (report.waiting !== null) {
          expect(Number.isSafeInteger(report.waiting)).toBe(true);
          expect(report.waiting).toBeGreaterThanOrEqual(0);
        }
      }),
    );
    expect(readPcReport({ 'x-stockroom-waiting': ['1', '2'] }).waiting).toBeNull();
    expect(readPcReport({})).toEqual({ appVersion: null, waiting: null });
  });
});

describe('recording a device contact', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const recent = new Date(now.getTime() - 1_000);
  const old = new Date(now.getTime() - CONTACT_RESOLUTION_MS - 1);
  const known = {
    last_contact_at: recent,
    app_version: '1.0.0',
    documents_waiting: 4,
    reported_at: recent,
  };

  it('writes nothing for a recent contact that says nothing new', () => {
    expect(contactUpdate(known, { appVersion: '1.0.0', waiting: 4 }, now)).toBeNull();
    expect(contactUpdate(known, { appVersion: null, waiting: null }, now)).toBeNull();
    // A changed count waits for the resolution unless the queue emptied.
    expect(contactUpdate(known, { appVersion: '1.0.0', waiting: 9 }, now)).toBeNull();
  });

  it('writes an emptied queue and a new version at once', () => {
    expect(contactUpdate(known, { appVersion: '1.0.0', waiting: 0 }, now)).toEqual({
      last_contact_at: now,
      app_version: '1.0.0',
      documents_waiting: 0,
      reported_at: now,
    });
    expect(contactUpdate(known, { appVersion: '1.1.0', waiting: null }, now)).toEqual({
      last_contact_at: now,
      app_version: '1.1.0',
      reported_at: now,
    });
  });

  it('moves an old contact, with the report when it changed', () => {
    expect(
      contactUpdate({ ...known, last_contact_at: old }, { appVersion: '1.0.0', waiting: 4 }, now),
    ).toEqual({ last_contact_at: now });
    expect(
      contactUpdate(
        { ...known, last_contact_at: old, reported_at: old },
        { appVersion: '1.0.0', waiting: 9 },
        now,
      ),
    ).toEqual({
      last_contact_at: now,
      app_version: '1.0.0',
      documents_waiting: 9,
      reported_at: now,
    });
  });
});
