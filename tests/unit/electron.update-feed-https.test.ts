import { describe, expect, it } from 'vitest';
import { updateFeedRefusal } from '../../electron/main/updates';

const feed = (url: string) =>
  `provider: generic\nurl: ${url}\nupdaterCacheDirName: stockroom-edge-updater\n`;

describe('the update feed is https only', () => {
  it('accepts an https feed', () => {
    expect(updateFeedRefusal(feed('https://updates.hospital.example/stockroom'))).toBeNull();
    expect(updateFeedRefusal(feed("'https://updates.hospital.example/stockroom'"))).toBeNull();
  });

  it('refuses plain http, saying so', () => {
    expect(updateFeedRefusal(feed('http://updates.hospital.example/stockroom'))).toBe(
      'the update feed url http://updates.hospital.example/stockroom is not https',
    );
  });

  it('refuses a feed with no url or an unreadable one', () => {
    expect(updateFeedRefusal('provider: generic\n')).toBe('the update feed names no url');
    expect(updateFeedRefusal(feed('${env.STOCKROOM_UPDATE_URL}'))).toMatch(/is not a URL$/);
  });
});
