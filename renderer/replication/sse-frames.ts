/**
 * Splits text read from a server-sent-events stream into the `data:` payloads of its complete
 * frames (a frame ends with a blank line) and the unfinished rest, which waits for more text.
 * Comment lines (the endpoint's keep-alives) and frames without data give no payload.
 */
export function takeSseFrames(buffer: string): { payloads: string[]; rest: string } {
  let rest = buffer.replace(/\r\n/g, '\n');
  const payloads: string[] = [];
  let end = rest.indexOf('\n\n');
  while (end >= 0) {
    const data = rest
      .slice(0, end)
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .join('\n');
    if (data) payloads.push(data);
    rest = rest.slice(end + 2);
    end = rest.indexOf('\n\n');
  }
  return { payloads, rest };
}
