import { describe, expect, it } from 'vitest';
import { demoModeOn } from '../../renderer/seed/demo-mode';

describe('demo data only in demo mode', () => {
  it('the web preview seeds the demo stockroom until the PC is enrolled', () => {
    expect(demoModeOn({ enrolled: false, platformKind: 'web', demoFlag: undefined })).toBe(true);
    expect(demoModeOn({ enrolled: true, platformKind: 'web', demoFlag: undefined })).toBe(false);
  });

  it('a packaged desktop build seeds nothing unless built with the demo flag', () => {
    expect(demoModeOn({ enrolled: false, platformKind: 'desktop', demoFlag: undefined })).toBe(
      false,
    );
    expect(demoModeOn({ enrolled: false, platformKind: 'desktop', demoFlag: '0' })).toBe(false);
    expect(demoModeOn({ enrolled: false, platformKind: 'desktop', demoFlag: 'true' })).toBe(false);
    expect(demoModeOn({ enrolled: false, platformKind: 'desktop', demoFlag: '1' })).toBe(true);
  });

  it('an enrolled PC never seeds, whatever the flag', () => {
    expect(demoModeOn({ enrolled: true, platformKind: 'desktop', demoFlag: '1' })).toBe(false);
  });
});
