import { describe, expect, it } from 'vitest';
import { requestTransmission } from '../../shared/replenishment/request-transmission';

const request = (status: 'submitted' | 'approved' | 'received' | 'cancelled' = 'submitted') => ({
  id: 'REQ-1',
  status,
  history: [
    { status: 'draft' as const, at: '2026-12-03T02:00:00.000Z', by: 'USR-NM' },
    { status, at: '2026-12-03T02:00:00.000Z', by: 'USR-NM' },
  ],
});
const online = {
  enrolled: true,
  pending: new Set<string>(),
  lastSuccessAt: '2026-12-03T02:00:05.000Z',
};

describe('where a request really is', () => {
  it('says a submitted request waits on this PC until a sync after it succeeded', () => {
    expect(
      requestTransmission(request(), { ...online, lastSuccessAt: '2026-12-03T01:59:00.000Z' }),
    ).toMatchObject({
      state: 'on-this-pc',
      message: expect.stringContaining('sent when the network returns'),
    });
    const { lastSuccessAt: _, ...never } = online;
    expect(requestTransmission(request(), never).state).toBe('on-this-pc');
  });

  it('says so while its push is still pending, whatever the clock says', () => {
    expect(requestTransmission(request(), { ...online, pending: new Set(['REQ-1']) }).state).toBe(
      'on-this-pc',
    );
  });

  it('tells an unconnected PC that nobody else can see it', () => {
    expect(requestTransmission(request(), { ...online, enrolled: false })).toMatchObject({
      state: 'on-this-pc',
      message: expect.stringContaining('not connected to a centre'),
    });
  });

  it('is sent and waiting for acknowledgement once pushed, and with the centre once it answered', () => {
    expect(requestTransmission(request(), online).state).toBe('awaiting-acknowledgement');
    expect(requestTransmission(request('approved'), { ...online, enrolled: false }).state).toBe(
      'with-the-centre',
    );
    expect(requestTransmission(request('received'), online).state).toBe('with-the-centre');
    expect(requestTransmission(request('cancelled'), online).state).toBe('with-the-centre');
  });
});
