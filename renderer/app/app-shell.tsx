import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { can } from '../../shared/model';
import { CameraPanel } from '../scanning/camera-panel';
import { useSession } from '../session/session-store';
import { ROUTES } from './routes';
import { useHashRoute } from './use-hash-route';

/** The screen list's width; notifications sit over its foot (main.tsx), clear of the work. */
export const NAVBAR_WIDTH = 250;

export function AppShellLayout() {
  const user = useSession((s) => s.user);
  const lock = useSession((s) => s.lock);
  const [opened, { toggle }] = useDisclosure();
  const [camera, setCamera] = useState(false);
  // Someone else took over at the lock: their home screen, not the one the last person left.
  const switched = useSession((s) => s.switched);
  const [routeId, go] = useHashRoute('dashboard', switched);
  if (!user) return null;
  const allowed = ROUTES.filter((r) => !r.permission || can(user.role, r.permission));
  const route = allowed.find((r) => r.id === routeId) ?? allowed[0];
  return (
    <AppShell
      header={{ height: 72 }}
      navbar={{ width: NAVBAR_WIDTH, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="md" aria-label="Menu" />
            <Title order={2} fz={24}>
              Stockroom Edge
            </Title>
          </Group>
          <Group>
            <Text fz="lg" fw={600} data-testid="signed-in-user">
              {user.name}
            </Text>
            <Badge size="lg" color="gray.8">
              {user.role}
            </Badge>
            <Button
              variant="default"
              size="md"
              onClick={() => setCamera((c) => !c)}
              aria-pressed={camera}
            >
              Camera
            </Button>
            <Button size="md" color="dark" onClick={lock} data-testid="lock-button">
              Lock / switch user
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Screens">
        <ScrollArea>
          {allowed.map((r) => (
            <NavLink
              key={r.id}
              href={`#/${r.id}`}
              label={r.label}
              onClick={() => go(r.id)}
              py="md"
              aria-current={r.id === route?.id ? 'page' : undefined}
              bg={r.id === route?.id ? 'blue.9' : undefined}
              c={r.id === route?.id ? 'white' : undefined}
              styles={{ label: { fontSize: 20, fontWeight: r.id === route?.id ? 700 : 400 } }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {camera && <CameraPanel onClose={() => setCamera(false)} />}
        {route?.render()}
      </AppShell.Main>
    </AppShell>
  );
}
