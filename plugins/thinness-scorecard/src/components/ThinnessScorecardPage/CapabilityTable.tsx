import { EmptyState, InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CapabilityScore,
  countVerdicts,
  ValueClass,
  Verdict,
  VERDICTS,
} from '@platform-product/plugin-thinness-scorecard-common';
import { useMemo, useState } from 'react';
import {
  AdoptionBar,
  formatDay,
  NeedChip,
  ReasonList,
  refLabel,
  VerdictChip,
} from '../shared';
import {
  CapabilityFilter,
  filterCapabilities,
  NO_OWNER,
  ownersOf,
  SortDirection,
  SortKey,
  sortCapabilities,
} from './capabilityTableModel';

const valueClassLabels: Record<ValueClass, string> = {
  differentiating: 'Differentiating',
  commodity: 'Commodity',
  unknown: 'Not set',
};

const columns: { key: SortKey | null; title: string; align?: 'right' }[] = [
  { key: 'title', title: 'Capability' },
  { key: 'owner', title: 'Owner' },
  { key: 'verdict', title: 'Verdict' },
  { key: null, title: 'Reasons' },
  { key: 'adoption', title: 'Adoption' },
  { key: 'need', title: 'Need' },
  { key: 'valueClass', title: 'Value class' },
  { key: 'surface', title: 'Surface', align: 'right' },
];

function CapabilitySubtitle(props: { capability: CapabilityScore }) {
  const { capability } = props;
  const theme = useTheme();
  const parts: string[] = [];
  if (capability.lifecycle) {
    parts.push(capability.lifecycle);
  }
  if (capability.mvpReviewDate) {
    parts.push(
      `${
        capability.reviewOverdue ? 'review overdue since' : 'review by'
      } ${formatDay(capability.mvpReviewDate)}`,
    );
  }
  if (parts.length === 0) {
    return null;
  }
  return (
    <Typography
      variant="caption"
      component="div"
      color="textSecondary"
      // The theme's error red fails WCAG AA contrast on white at caption size; its dark shade passes.
      style={
        capability.reviewOverdue ? { color: theme.palette.error.dark } : {}
      }
    >
      {parts.join(' · ')}
    </Typography>
  );
}

function CapabilityRow(props: { capability: CapabilityScore }) {
  const { capability } = props;
  return (
    <TableRow data-testid={`capability-row-${capability.entityRef}`}>
      <TableCell>
        <EntityRefLink entityRef={capability.entityRef}>
          {capability.title}
        </EntityRefLink>
        <CapabilitySubtitle capability={capability} />
      </TableCell>
      <TableCell>
        {capability.owner ? (
          <EntityRefLink entityRef={capability.owner} defaultKind="group" />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No owner
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <VerdictChip verdict={capability.verdict} />
      </TableCell>
      <TableCell style={{ minWidth: 280 }}>
        <ReasonList
          reasons={capability.reasons}
          aria-label={`Reasons for ${capability.title}`}
        />
      </TableCell>
      <TableCell>
        <AdoptionBar
          consumers={capability.consumers}
          trend={capability.adoptionTrend}
        />
      </TableCell>
      <TableCell>
        <NeedChip need={capability.need} />
      </TableCell>
      <TableCell>{valueClassLabels[capability.valueClass]}</TableCell>
      <TableCell align="right">{capability.surface}</TableCell>
    </TableRow>
  );
}

/**
 * Every capability with its verdict and reasons; sortable by column, filterable by verdict
 * (toggle chips) and owner.
 */
export function CapabilityTable(props: {
  capabilities: CapabilityScore[];
  initialFilter?: Partial<CapabilityFilter>;
}) {
  const { capabilities, initialFilter } = props;
  const [verdicts, setVerdicts] = useState<Verdict[]>(
    initialFilter?.verdicts ?? [],
  );
  const [owner, setOwner] = useState(initialFilter?.owner ?? '');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'verdict',
    direction: 'asc',
  });

  const owners = useMemo(() => ownersOf(capabilities), [capabilities]);
  const hasUnowned = capabilities.some(c => c.owner === null);
  const counts = useMemo(() => countVerdicts(capabilities), [capabilities]);
  const rows = useMemo(
    () =>
      sortCapabilities(
        filterCapabilities(capabilities, { verdicts, owner }),
        sort.key,
        sort.direction,
      ),
    [capabilities, verdicts, owner, sort],
  );
  // An owner from a link that owns nothing here still shows in the select, so the filter can be seen and cleared.
  const ownerOptions =
    owner &&
    owner !== NO_OWNER &&
    !owners.some(
      o => o.toLocaleLowerCase('en-US') === owner.toLocaleLowerCase('en-US'),
    )
      ? [...owners, owner]
      : owners;

  const toggleVerdict = (verdict: Verdict) =>
    setVerdicts(current =>
      current.includes(verdict)
        ? current.filter(v => v !== verdict)
        : [...current, verdict],
    );
  const sortBy = (key: SortKey) =>
    setSort(current => ({
      key,
      direction:
        current.key === key && current.direction === 'asc' ? 'desc' : 'asc',
    }));
  const filtered = verdicts.length > 0 || owner !== '';

  if (capabilities.length === 0) {
    return (
      <InfoCard title="Capabilities">
        <EmptyState
          missing="data"
          title="No capabilities yet"
          description='Mark the entities your platform offers to other teams with the annotation platform-product.io/capability: "true".'
        />
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Capabilities" noPadding>
      <Box
        px={2}
        py={1.5}
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 12 }}
        role="group"
        aria-label="Capability filters"
      >
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 6 }}
          role="group"
          aria-label="Filter by verdict"
        >
          <Typography variant="body2" component="span">
            Verdict:
          </Typography>
          {VERDICTS.map(verdict => (
            <VerdictChip
              key={verdict}
              verdict={verdict}
              count={counts[verdict]}
              outlined={verdicts.length > 0 && !verdicts.includes(verdict)}
              pressed={verdicts.includes(verdict)}
              onToggle={() => toggleVerdict(verdict)}
            />
          ))}
        </Box>
        <TextField
          select
          id="thinness-owner-filter"
          size="small"
          variant="outlined"
          label="Owner"
          value={owner}
          onChange={e => setOwner(e.target.value)}
          // "All owners" is a real choice, shown rather than an empty field.
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 200 }}
        >
          <MenuItem value="">All owners</MenuItem>
          {ownerOptions.map(o => (
            <MenuItem key={o} value={o}>
              {refLabel(o)}
            </MenuItem>
          ))}
          {hasUnowned && <MenuItem value={NO_OWNER}>No owner</MenuItem>}
        </TextField>
        {filtered && (
          <Button
            size="small"
            onClick={() => {
              setVerdicts([]);
              setOwner('');
            }}
          >
            Clear filters
          </Button>
        )}
        <Typography
          variant="caption"
          color="textSecondary"
          style={{ marginLeft: 'auto' }}
          aria-live="polite"
        >
          {rows.length} of {capabilities.length} capabilities
        </Typography>
      </Box>
      <TableContainer>
        <Table size="small" aria-label="Capabilities and their verdicts">
          <TableHead>
            <TableRow>
              {columns.map(column => (
                <TableCell
                  key={column.title}
                  align={column.align}
                  sortDirection={
                    column.key && sort.key === column.key
                      ? sort.direction
                      : false
                  }
                >
                  {column.key ? (
                    <TableSortLabel
                      active={sort.key === column.key}
                      direction={
                        sort.key === column.key ? sort.direction : 'asc'
                      }
                      onClick={() => sortBy(column.key!)}
                    >
                      {column.title}
                    </TableSortLabel>
                  ) : (
                    column.title
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(capability => (
              <CapabilityRow
                key={capability.entityRef}
                capability={capability}
              />
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length}>
                  <Typography color="textSecondary">
                    No capability matches the filters.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </InfoCard>
  );
}
