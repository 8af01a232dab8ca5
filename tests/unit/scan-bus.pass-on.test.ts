import { beforeEach, describe, expect, it } from 'vitest';
import { useScanBus } from '../../renderer/app/scan-bus';
import type { WedgeScan } from '../../renderer/scanning/attach-wedge';

const scan = (text: string): WedgeScan => ({ raw: text, text, durationMs: 40, source: 'wedge' });

describe('scan bus: one scan goes to one place', () => {
  let taken: string[];
  beforeEach(() => {
    taken = [];
    useScanBus.setState({ handlers: [], last: undefined });
  });

  it('the last mounted handler takes the scan; the one below never sees it', () => {
    useScanBus.setState({
      handlers: [
        { id: 1, handle: (s) => taken.push(`screen ${s.text}`) },
        { id: 2, handle: (s) => void taken.push(`panel ${s.text}`) },
      ],
    });
    useScanBus.getState().publish(scan('SRB-300303'));
    expect(taken).toEqual(['panel SRB-300303']);
  });

  it('a handler that answers false passes the scan on to the one below, once', () => {
    useScanBus.setState({
      handlers: [
        { id: 1, handle: (s) => void taken.push(`screen ${s.text}`) },
        {
          id: 2,
          handle: (s) => {
            if (s.text.startsWith('LOC-')) return false;
            taken.push(`panel ${s.text}`);
            return true;
          },
        },
      ],
    });
    useScanBus.getState().publish(scan('LOC-A2'));
    useScanBus.getState().publish(scan('SRB-300303'));
    expect(taken).toEqual(['screen LOC-A2', 'panel SRB-300303']);
    expect(useScanBus.getState().last?.text).toBe('SRB-300303');
  });
});
