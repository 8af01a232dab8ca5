import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { consoleApi, type EnrolmentCode as Enrolment, type Facility } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useSession } from '../app/session';
import { DataTable } from '../components/data-table';
import { Dialog } from '../components/dialog';
import { EnrolmentCode } from '../components/enrolment-code';
import { Problem } from '../components/problem';
import { formatTime } from '../components/when';
import { ApprovalPolicyForm } from './approval-policy-form';
import { PcsTable } from './pcs-table';
import { isolatedName } from '../../shared/console/isolated-name';

/** Facilities and their stockroom PCs: create a facility, enrol a PC, see which PC needs a look. */
export function FacilitiesScreen() {
  const { may } = useSession();
  const facilities = useLoad(() => consoleApi.facilities());
  useLive(facilities.reload);
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [policyOf, setPolicyOf] = useState<Facility>();
  const [problem, setProblem] = useState<ApiError>();
  const enrol = async (facility: Facility) => {
    setProblem(undefined);
    try {
      setEnrolment(await consoleApi.enrolmentCode(facility.id));
    } catch (error) {
      setProblem(error as ApiError);
    }
  };
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Facilities and PCs
      </Title>
      {may('facilities.manage') && <AddFacility onAdded={facilities.reload} />}
      <Problem error={facilities.error ?? problem} />
      {enrolment && <EnrolmentCode enrolment={enrolment} onClose={() => setEnrolment(undefined)} />}
      <DataTable
        caption="Facilities"
        testId="facilities-table"
        rows={facilities.data?.facilities ?? []}
        rowKey={(f) => f.id}
        empty={facilities.loading ? 'Loading facilities…' : 'No facility yet.'}
        columns={[
          { header: 'Facility', cell: (f) => f.id },
          { header: 'Name', cell: (f) => <bdi>{f.name}</bdi> },
          { header: 'Created', cell: (f) => formatTime(f.createdAt) },
          {
            header: 'Approval policy',
            cell: (f: Facility) => (
              <Button
                size="sm"
                variant="default"
                onClick={() => setPolicyOf(f)}
                aria-label={`${may('facilities.manage') ? 'Edit' : 'View'} the approval policy of ${f.name}`}
              >
                {may('facilities.manage') ? 'Edit' : 'View'}
              </Button>
            ),
          },
          ...(may('devices.manage')
            ? [
                {
                  header: 'Stockroom PCs',
                  cell: (f: Facility) => (
                    <Button
                      size="sm"
                      variant="light"
                      onClick={() => enrol(f)}
                      aria-label={`Enrol a PC for ${f.name}`}
                    >
                      Enrol a PC
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PcsTable />
      {policyOf && (
        <Dialog
          title={`Approval policy of ${isolatedName(policyOf.name)} (${policyOf.id})`}
          onClose={() => setPolicyOf(undefined)}
          size="xl"
        >
          <ApprovalPolicyForm facility={policyOf} mayEdit={may('facilities.manage')} />
        </Dialog>
      )}
    </Stack>
  );
}

function AddFacility({ onAdded }: { onAdded: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await consoleApi.addFacility(id.trim(), name.trim());
      setId('');
      setName('');
      onAdded();
    } catch (error) {
      setProblem(error as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Add a facility">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Add a facility
          </Title>
          <Problem error={problem} title="Facility not added" />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Facility id"
              description="Letters, digits, . _ : - (e.g. FAC-NORTH)"
              required
              value={id}
              onChange={(e) => setId(e.currentTarget.value)}
              w={260}
            />
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={320}
            />
            <Button type="submit" loading={busy}>
              Add facility
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
