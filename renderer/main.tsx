import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './print.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Settings } from 'typebox/system';
import { App } from './app/app';
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
        <Notifications position="top-center" />
        <Boot>
          <App />
        </Boot>
      </MantineProvider>
    </StrictMode>,
  );
}
