/**
 * Demo data (the demo stockroom and its people, whose PINs the README publishes) only where someone
 * asked for a demo: the web preview, which is for trying and training, or a desktop build made
 * with `VITE_STOCKROOM_DEMO=1`. Never an enrolled PC, never an ordinary packaged build.
 */
export interface DemoModeInputs {
  enrolled: boolean;
  platformKind: 'desktop' | 'web';
  /** `import.meta.env.VITE_STOCKROOM_DEMO` at build time. */
  demoFlag: string | undefined;
}

export function demoModeOn({ enrolled, platformKind, demoFlag }: DemoModeInputs): boolean {
  if (enrolled) return false;
  return platformKind === 'web' || demoFlag === '1';
}
