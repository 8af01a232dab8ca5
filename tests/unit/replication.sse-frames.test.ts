import { describe, expect, it } from 'vitest';
import { takeSseFrames } from '../../renderer/replication/sse-frames';

/** Feeds text in the given pieces, as a network would split it, and collects the payloads. */
function read(pieces: string[]): { payloads: string[]; rest: string } {
  let rest = '';
  const payloads: string[] = [];
  for (const piece of pieces) {
    const frames = takeSseFrames(rest + piece);
    payloads.push(...frames.payloads);
    rest = frames.rest;
  }
  return { payloads, rest };
}

describe('server-sent event frames', () => {
  it('gives the data of complete frames and keeps the unfinished one', () => {
    expect(read(['data: RESYNC\n\ndata: {"a":1}\n\ndata: par'])).toEqual({
      payloads: ['RESYNC', '{"a":1}'],
      rest: 'data: par',
    });
  });

  it('reads a frame split anywhere, a CRLF split between two reads included', () => {
    const text =
      'data: RESYNC\r\n\r\n: keep-alive\r\n\r\nevent: x\r\ndata: one\r\ndata: two\r\n\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(read([text.slice(0, cut), text.slice(cut)]).payloads).toEqual(['RESYNC', 'one\ntwo']);
    }
  });

  it('gives nothing for keep-alive comments and frames without data', () => {
    expect(read([': keep-alive\n\nevent: ping\n\n'])).toEqual({ payloads: [], rest: '' });
  });
});
