import { Alert, Center, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { ServicesContext, type AppServices } from './services';
import { startApp, type StartPhase } from './start-app';

/** Opens the store (migrating with a progress bar when a schema changed) before anything else. */
export function Boot({ children }: { children: ReactNode }) {
  const [services, setServices] = useState<AppServices>();
  const [phase, setPhase] = useState<StartPhase>({ phase: 'opening' });
  const [error, setError] = useState<string>();
  useEffect(() => {
    startApp(setPhase).then(setServices, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  if (services) {
    return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
  }
  return (
    <Center mih="100vh" component="main">
      <Stack w={520} gap="md" align="stretch">
        <Title order={1}>Stockroom Edge</Title>
        {error ? (
          <Alert color="red" role="alert" title="The stockroom data could not be opened">
            <Text fz="lg">{error}</Text>
          </Alert>
        ) : phase.phase === 'migrating' ? (
          <>
            <Text fz="xl">
              Updating stored {phase.progress.collection}: {phase.progress.handled} of{' '}
              {phase.progress.total}
            </Text>
            <Progress value={phase.progress.percent} size="xl" aria-label="Update progress" />
          </>
        ) : (
          <Stack align="center">
            <Loader size="lg" aria-label="Starting" />
            <Text fz="xl">
              {phase.phase === 'seeding'
                ? 'Setting up the demo stockroom…'
                : 'Opening stockroom data…'}
            </Text>
          </Stack>
        )}
      </Stack>
    </Center>
  );
}
