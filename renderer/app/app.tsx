import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { attachWedge } from '../scanning/attach-wedge';
import { dropDoubleReads } from '../scanning/double-read';
import { prepareAudioWhenIdle } from '../scanning/feedback';
import { SignInScreen } from '../session/sign-in-screen';
import { useSession } from '../session/session-store';
import { useInactivityLock } from '../session/use-inactivity-lock';
import { AppShellLayout } from './app-shell';
import { useDeviceSettings } from './device-settings';
import { useScanBus } from './scan-bus';
import { StockDataProvider } from './stock-data';

/** Signed-in work or the sign-in / lock screen; the wedge listener runs for both. */
export function App() {
  const wedge = useDeviceSettings((s) => s.wedge);
  const lockAfter = useDeviceSettings((s) => s.lockAfterSeconds);
  const publish = useScanBus((s) => s.publish);
  const signedIn = useSession((s) => s.user !== undefined && !s.locked);
  useEffect(
    () => attachWedge(window, wedge, dropDoubleReads(publish, announceDoubleRead)),
    [wedge, publish],
  );
  useEffect(prepareAudioWhenIdle, []);
  useInactivityLock(lockAfter);
  return <StockDataProvider>{signedIn ? <AppShellLayout /> : <SignInScreen />}</StockDataProvider>;
}

function announceDoubleRead(): void {
  notifications.show({
    id: 'double-read',
    color: 'orange',
    title: 'Same label read twice',
    message:
      'The scanner read one label twice in a row: it counts once. If you meant two units, scan the second again.',
  });
}
