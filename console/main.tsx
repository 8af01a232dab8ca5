import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { Alert, createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Settings } from 'typebox/system';
import { ConsoleApp } from './app/console-app';
import { SessionProvider } from './app/session';

// The page forbids eval; TypeBox (reached through shared/) would otherwise probe for it first.
Settings.Set({ useAcceleration: false });

// An office screen at desk distance: Mantine's sizes, with the stockroom app's contrast fixes.
const theme = createTheme({
  autoContrast: true,
  primaryShade: 8,
  components: {
    // A light alert's title takes its colour's light shade, below 4.5:1 on its own tint: shade 9
    // darkened by a third clears it for every named colour (as in the stockroom app's theme).
    Alert: Alert.extend({
      vars: (_theme, props) =>
        (props.variant ?? 'light') === 'light' && props.color && /^[a-z]+$/.test(props.color)
          ? {
              root: {
                '--alert-color': `color-mix(in srgb, var(--mantine-color-${props.color}-9) 65%, black)`,
              },
            }
          : { root: {} },
    }),
  },
});
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-8)',
    // A field's error (its words and what was typed) at 4.5:1 or better, as axe requires.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={resolver} defaultColorScheme="light">
        <SessionProvider>
          <ConsoleApp />
        </SessionProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
