import {
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { CSSProperties } from 'react';
import { AuditScreen } from '../screens/audit-screen';
import { ExceptionsScreen } from '../screens/exceptions-screen';
import { FacilitiesScreen } from '../screens/facilities-screen';
import { IndicatorsScreen } from '../screens/indicators-screen';
import { IntegrationScreen } from '../screens/integration-screen';
import { PeopleScreen } from '../screens/people-screen';
import { RecallsScreen } from '../screens/recalls-screen';
import { RequestsScreen } from '../screens/requests-screen';
import { SignInScreen } from '../screens/sign-in-screen';
import { useSession } from './session';
import { useHashRoute, type Screen } from './use-hash-route';
import { TONE } from '../components/tones';

const NAV: { screen: Screen; label: string }[] = [
  { screen: 'pcs', label: 'Facilities and PCs' },
  { screen: 'exceptions', label: 'Exceptions' },
  { screen: 'requests', label: 'Requests' },
  { screen: 'indicators', label: 'Indicators' },
  { screen: 'recalls', label: 'Recalls' },
  { screen: 'integration', label: 'Integration' },
  { screen: 'audit', label: 'Audit' },
  { screen: 'people', label: 'Console people' },
];

/**
 * The navigation's edge drawn on the page as well: the fixed navigation is one window tall, so on
 * a page longer than the window (a full-page capture, a printout) its own border stopped there.
 * The line sits exactly under that border, and where the navigation is folded away it is off-page.
 */
const NAV_EDGE: CSSProperties = {
  backgroundImage: 'linear-gradient(var(--app-shell-border-color), var(--app-shell-border-color))',
  backgroundSize: '1px 100%',
  backgroundRepeat: 'no-repeat',
  backgroundPosition: 'calc(var(--app-shell-navbar-offset, 0rem) - 1px) 0',
};

const ROLE_WORDS = {
  admin: 'Admin',
  buyer: 'Buyer',
  analyst: 'Analyst (read-only)',
} as const;

export function ConsoleApp() {
  const { state, signOut } = useSession();
  const [screen, go] = useHashRoute();
  const [opened, { toggle }] = useDisclosure();
  if (state.phase === 'checking') {
    return (
      <Center mih="100vh">
        <Loader aria-label="Checking your session" />
      </Center>
    );
  }
  if (state.phase === 'signed-out') return <SignInScreen reason={state.reason} />;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Text fw={700} fz="lg">
              Stockroom Edge · Centre console
            </Text>
          </Group>
          <Group wrap="nowrap">
            <Text data-testid="signed-in-as">
              <bdi>{state.user.displayName}</bdi>
            </Text>
            <Badge
              color={state.user.role === 'analyst' ? TONE.neutral : TONE.info}
              variant="filled"
            >
              {ROLE_WORDS[state.user.role]}
            </Badge>
            <Button variant="default" size="sm" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Console screens">
        {NAV.map((item) => (
          <NavLink
            key={item.screen}
            href={`#/${item.screen}`}
            label={item.label}
            active={screen === item.screen}
            variant="filled"
            aria-current={screen === item.screen ? 'page' : undefined}
            onClick={() => go(item.screen)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main style={NAV_EDGE}>
        {screen === 'pcs' && <FacilitiesScreen />}
        {screen === 'exceptions' && <ExceptionsScreen />}
        {screen === 'requests' && <RequestsScreen />}
        {screen === 'indicators' && <IndicatorsScreen />}
        {screen === 'recalls' && <RecallsScreen />}
        {screen === 'integration' && <IntegrationScreen />}
        {screen === 'audit' && <AuditScreen />}
        {screen === 'people' && <PeopleScreen />}
      </AppShell.Main>
    </AppShell>
  );
}
