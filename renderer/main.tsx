import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './print.css';
import { Alert, createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Settings } from 'typebox/system';
import { App } from './app/app';
import { NAVBAR_WIDTH } from './app/app-shell';
import { Boot } from './app/boot';

// The page forbids eval; TypeBox would otherwise probe for it (and log a CSP violation) first.
Settings.Set({ useAcceleration: false });

const large = { defaultProps: { size: 'lg' } };
const theme = createTheme({
  fontSizes: { md: '18px', lg: '20px', xl: '24px' },
  autoContrast: true,
  // Shade 6 puts white text on blue at 3.6:1; shade 8 reads at arm's length (5:1).
  primaryShade: 8,
  components: {
    // A light alert's title takes its colour's light shade: orange reads at 3.6:1 on its own tint,
    // and even shade 9 stays below 4.5:1. Shade 9 darkened by a third clears it for every named
    // colour; filled alerts and custom hex colours are left alone.
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
    Button: large,
    TextInput: large,
    Select: large,
    NumberInput: large,
    PasswordInput: large,
    Notification: {
      defaultProps: {
        closeButtonProps: { 'aria-label': 'Dismiss' },
        styles: { description: { color: 'var(--mantine-color-gray-9)' } },
      },
    },
  },
});

// Mantine's default "dimmed" grey is below 4.5:1 on white; readable at arm's length it is not.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-8)' },
  dark: {},
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={resolver} defaultColorScheme="light">
        {/* Over the foot of the screen list, never the top or the work: at the top they covered
            who is signed in (the header's name and role), at the right the next item's FEFO and
            STOP messages. Three at most, so a stack never climbs into the header at 1366×768. */}
        <Notifications position="bottom-left" containerWidth={NAVBAR_WIDTH - 32} limit={3} />
        <Boot>
          <App />
        </Boot>
      </MantineProvider>
    </StrictMode>,
  );
}
