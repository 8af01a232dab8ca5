import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ApprovalPolicy, RequestPriority, ServiceLevels } from '../../shared/model';
import { DEFAULT_APPROVAL_POLICY } from '../../shared/replenishment/approval-requirement';
import { DEFAULT_SERVICE_LEVELS } from '../../shared/replenishment/service-levels';
import { consoleApi, type ApprovalPolicyRules, type Facility } from '../api/calls';
import { ApiError } from '../api/http';
import { useLoad } from '../app/use-load';
import { Problem } from '../components/problem';
import { useItemChoices, type ItemChoice } from '../components/use-item-choices';
import { formatTime } from '../components/when';
import { isolatedName } from '../../shared/console/isolated-name';

const PRIORITIES: readonly { priority: RequestPriority; label: string }[] = [
  { priority: 'stat', label: 'STAT' },
  { priority: 'asap', label: 'ASAP' },
  { priority: 'urgent', label: 'Urgent' },
  { priority: 'routine', label: 'Routine' },
];

/** A number field's value: a number, or '' when the field is empty. */
type Field = number | string;
type Minutes = Record<RequestPriority, { acknowledge: Field; deliver: Field }>;

const asNumber = (value: Field): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * A facility's approval policy in the console: the rules now in force (or the built-in version 0
 * before the first save), every earlier version, and, for an admin, a form that saves the next
 * version. The endpoint checks the rules again (thresholds crossed, delivery due before
 * acknowledgement); PCs fetch the new version the next time they sync.
 */
export function ApprovalPolicyForm(props: {
  facility: Facility;
  mayEdit: boolean;
  onSaved?: (policy: ApprovalPolicy) => void;
}) {
  const { facility, mayEdit } = props;
  const versions = useLoad(() => consoleApi.approvalPolicies(facility.id));
  const latest = versions.data?.policies[0];
  // Held here, not in the form: the form remounts on the new version, and the confirmation must
  // outlive that remount.
  const [savedVersion, setSavedVersion] = useState<number>();
  if (versions.loading && !versions.data) return <Text>Loading the policy…</Text>;
  return (
    <Stack gap="md">
      <Problem error={versions.error} title="The policy could not be loaded" />
      {versions.data && (
        <RulesForm
          // A saved version starts the form again from what is now in force.
          key={latest?.version ?? 0}
          facility={facility}
          current={latest}
          mayEdit={mayEdit}
          savedVersion={savedVersion}
          onSaving={() => setSavedVersion(undefined)}
          onSaved={(policy) => {
            setSavedVersion(policy.version);
            versions.reload();
            props.onSaved?.(policy);
          }}
        />
      )}
      <VersionHistory policies={versions.data?.policies ?? []} />
    </Stack>
  );
}

function RulesForm(props: {
  facility: Facility;
  current: ApprovalPolicy | undefined;
  mayEdit: boolean;
  savedVersion: number | undefined;
  onSaving: () => void;
  onSaved: (policy: ApprovalPolicy) => void;
}) {
  const { facility, current, mayEdit, savedVersion } = props;
  const start = current ?? DEFAULT_APPROVAL_POLICY;
  const [valueAbove, setValueAbove] = useState<Field>(start.valueAbove ?? '');
  const [quantityAbove, setQuantityAbove] = useState<Field>(start.quantityAbove ?? '');
  const [secondLevel, setSecondLevel] = useState<Field>(start.secondLevelValueAbove ?? '');
  const [nonStock, setNonStock] = useState(start.nonStockNeedsApproval);
  const [controlled, setControlled] = useState<string[]>([...start.controlledItemIds]);
  const [minutes, setMinutes] = useState<Minutes>(() => minutesOf(current?.serviceLevels));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const choices = useItemChoices();
  // The chosen items stay listed (with their names once seen) whatever the search shows.
  const [seen, setSeen] = useState<Map<string, string>>(new Map());
  const options = useMemo(() => {
    const known = new Map(seen);
    for (const c of choices.data) known.set(c.value, c.label);
    const listed: ItemChoice[] = choices.data.slice();
    for (const id of controlled) {
      if (!listed.some((c) => c.value === id))
        listed.push({ value: id, label: known.get(id) ?? id });
    }
    return listed;
  }, [choices.data, controlled, seen]);

  const setLevel = (priority: RequestPriority, part: 'acknowledge' | 'deliver', value: Field) =>
    setMinutes((m) => ({ ...m, [priority]: { ...m[priority], [part]: value } }));

  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    props.onSaving();
    try {
      const rules = rulesFrom({ valueAbove, quantityAbove, secondLevel, nonStock, controlled });
      const service = serviceLevelsFrom(minutes);
      if (!service.ok) {
        setProblem(new ApiError(0, 'SERVICE_LEVEL_INCOMPLETE', service.message));
        return;
      }
      const { policy } = await consoleApi.saveApprovalPolicy(facility.id, {
        ...rules,
        ...(service.levels ? { serviceLevels: service.levels } : {}),
      });
      props.onSaved(policy);
    } catch (error) {
      setProblem(error as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label={`Approval policy of ${facility.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (mayEdit) void save();
      }}
    >
      <Stack gap="sm">
        <Text>
          {current
            ? `Version ${current.version}, saved ${formatTime(current.createdAt)} by ${isolatedName(current.createdBy)}, is in force.`
            : 'No policy saved yet: the built-in version 0 applies.'}{' '}
          {mayEdit
            ? 'Saving makes a new version; earlier decisions keep the version they were made under.'
            : 'Only an admin changes it.'}
        </Text>
        <Title order={3} size="h5">
          When a request needs approval
        </Title>
        <Group align="flex-start" wrap="wrap">
          <NumberInput
            label="Request value above"
            description="Unit cost × quantity, all lines; empty: no value rule"
            min={0}
            max={1e12}
            decimalScale={2}
            allowNegative={false}
            value={valueAbove}
            onChange={setValueAbove}
            disabled={!mayEdit}
            w={260}
          />
          <NumberInput
            label="A line of more units than"
            description="Empty: no quantity rule"
            min={0}
            max={1e12}
            allowDecimal={false}
            allowNegative={false}
            value={quantityAbove}
            onChange={setQuantityAbove}
            disabled={!mayEdit}
            w={260}
          />
          <NumberInput
            label="Second approval level above"
            description="Request value; must not be below the first"
            min={0}
            max={1e12}
            decimalScale={2}
            allowNegative={false}
            value={secondLevel}
            onChange={setSecondLevel}
            disabled={!mayEdit}
            w={260}
          />
        </Group>
        <Checkbox
          label="An item with no par level at the requesting location needs approval"
          checked={nonStock}
          onChange={(e) => setNonStock(e.currentTarget.checked)}
          disabled={!mayEdit}
        />
        <MultiSelect
          label="Controlled items"
          description="A request for any of these always needs approval. Type part of a name or id."
          searchable
          clearable
          data={options}
          value={controlled}
          onChange={(ids) => {
            setSeen((before) => {
              const next = new Map(before);
              for (const c of options) next.set(c.value, c.label);
              return next;
            });
            setControlled(ids);
          }}
          onSearchChange={choices.search}
          nothingFoundMessage="No active item matches."
          disabled={!mayEdit}
          maxValues={2000}
        />
        <Title order={3} size="h5">
          Service levels
        </Title>
        <Text fz="sm">
          Minutes from submission. An empty field keeps the network default shown in grey. Late
          requests climb the escalation ladder: a reminder, the supervisor, the centre's exception
          queue, then the ERP.
        </Text>
        <Table aria-label="Service levels" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Minutes to acknowledge</Table.Th>
              <Table.Th>Minutes to deliver</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PRIORITIES.map(({ priority, label }) => {
              const fallback = DEFAULT_SERVICE_LEVELS[priority];
              return (
                <Table.Tr key={priority}>
                  <Table.Th scope="row">{label}</Table.Th>
                  {(['acknowledge', 'deliver'] as const).map((part) => (
                    <Table.Td key={part}>
                      <NumberInput
                        aria-label={`${label}: minutes to ${part}`}
                        placeholder={
                          fallback
                            ? String(
                                part === 'acknowledge'
                                  ? fallback.acknowledgeMinutes
                                  : fallback.deliverMinutes,
                              )
                            : 'none'
                        }
                        min={1}
                        max={part === 'acknowledge' ? 7 * 24 * 60 : 60 * 24 * 60}
                        allowDecimal={false}
                        allowNegative={false}
                        value={minutes[priority][part]}
                        onChange={(value) => setLevel(priority, part, value)}
                        disabled={!mayEdit}
                        w={160}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {/* Where the person is when they press Save: the outcome shows beside the button. */}
        {savedVersion !== undefined && (
          <Alert color="green" title={`Version ${savedVersion} saved`} role="status">
            The facility's PCs apply it the next time they sync.
          </Alert>
        )}
        <Problem error={problem ?? choices.error} title="Policy not saved" />
        {mayEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              Save as a new version
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function VersionHistory({ policies }: { policies: readonly ApprovalPolicy[] }) {
  if (policies.length === 0) return null;
  return (
    <Table aria-label="Policy versions" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Version</Table.Th>
          <Table.Th>Saved</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th>Rules</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {policies.map((p) => (
          <Table.Tr key={p.version}>
            <Table.Td>{p.version}</Table.Td>
            <Table.Td>{formatTime(p.createdAt)}</Table.Td>
            <Table.Td>{p.createdBy}</Table.Td>
            <Table.Td>{summary(p)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One version's rules in a line, for the history. */
function summary(p: ApprovalPolicy): string {
  const parts = [
    p.valueAbove !== undefined ? `value > ${p.valueAbove}` : undefined,
    p.quantityAbove !== undefined ? `line > ${p.quantityAbove} units` : undefined,
    p.nonStockNeedsApproval ? 'unstocked items' : undefined,
    p.controlledItemIds.length > 0 ? `${p.controlledItemIds.length} controlled items` : undefined,
    p.secondLevelValueAbove !== undefined ? `second level > ${p.secondLevelValueAbove}` : undefined,
    p.serviceLevels && Object.keys(p.serviceLevels).length > 0
      ? `own service levels for ${Object.keys(p.serviceLevels).join(', ')}`
      : undefined,
  ].filter((x): x is string => x !== undefined);
  return parts.length > 0 ? parts.join(' · ') : 'nothing needs approval';
}

function minutesOf(levels: ServiceLevels | undefined): Minutes {
  const entry = (priority: RequestPriority) => ({
    acknowledge: levels?.[priority]?.acknowledgeMinutes ?? '',
    deliver: levels?.[priority]?.deliverMinutes ?? '',
  });
  return {
    stat: entry('stat'),
    asap: entry('asap'),
    urgent: entry('urgent'),
    routine: entry('routine'),
  };
}

/**
 * The facility's own levels: each priority with both fields filled. A priority with one field
 * only is a mistake the person is told about, never half-sent.
 */
function serviceLevelsFrom(
  minutes: Minutes,
): { ok: true; levels: ServiceLevels | undefined } | { ok: false; message: string } {
  const levels: ServiceLevels = {};
  for (const { priority, label } of PRIORITIES) {
    const acknowledgeMinutes = asNumber(minutes[priority].acknowledge);
    const deliverMinutes = asNumber(minutes[priority].deliver);
    if (acknowledgeMinutes === undefined && deliverMinutes === undefined) continue;
    if (acknowledgeMinutes === undefined || deliverMinutes === undefined) {
      return {
        ok: false,
        message: `${label}: fill in both the minutes to acknowledge and the minutes to deliver, or leave both empty for the network default.`,
      };
    }
    levels[priority] = { acknowledgeMinutes, deliverMinutes };
  }
  return { ok: true, levels: Object.keys(levels).length > 0 ? levels : undefined };
}

function rulesFrom(form: {
  valueAbove: Field;
  quantityAbove: Field;
  secondLevel: Field;
  nonStock: boolean;
  controlled: string[];
}): Omit<ApprovalPolicyRules, 'serviceLevels'> {
  const valueAbove = asNumber(form.valueAbove);
  const quantityAbove = asNumber(form.quantityAbove);
  const secondLevelValueAbove = asNumber(form.secondLevel);
  return {
    ...(valueAbove !== undefined ? { valueAbove } : {}),
    ...(quantityAbove !== undefined ? { quantityAbove } : {}),
    ...(secondLevelValueAbove !== undefined ? { secondLevelValueAbove } : {}),
    nonStockNeedsApproval: form.nonStock,
    controlledItemIds: form.controlled,
  };
}
