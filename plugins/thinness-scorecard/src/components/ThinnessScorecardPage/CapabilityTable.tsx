import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApiHolder } from '@backstage/core-plugin-api';
import {
  EntityDisplayName,
  entityPresentationApiRef,
  entityPresentationSnapshot,
  EntityRefLink,
} from '@backstage/plugin-catalog-react';
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
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import {
  CapabilityScore,
  countVerdicts,
  ValueClass,
  Verdict,
  VERDICTS,
} from '@platform-product/plugin-thinness-scorecard-common';
import { CSSProperties, useMemo, useState } from 'react';
import {
  AdoptionBar,
  formatDay,
  NeedChip,
  ReasonList,
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

/** What the Surface column counts: the `surface` of a capability as the backend gathers it. */
export const SURFACE_EXPLANATION =
  'Surface: the catalog entities that make up a capability, counted by the scorecard: the capability entity itself, its parts (hasPart, down to four levels) and the APIs they provide. Each one is something the platform team builds and runs; the score\'s "Surface per adopting team" divides the capabilities\' total surface by the product teams that use them.';

const SURFACE_NOTE_ID = 'thinness-capabilities-surface-note';

type ColumnTitle =
  | 'Capability'
  | 'Owner'
  | 'Verdict'
  | 'Reasons'
  | 'Adoption'
  | 'Need'
  | 'Value class'
  | 'Surface';

/**
 * The columns and their widths. At 1280–1440 px the reasons (long sentences) would otherwise squeeze the short
 * columns until their words break letter by letter: short values (chips, a class, a number) do not wrap, and the
 * columns with names keep a width where a name wraps between words only.
 */
const columns: {
  key: SortKey | null;
  title: ColumnTitle;
  align?: 'right';
  style: CSSProperties;
}[] = [
  { key: 'title', title: 'Capability', style: { minWidth: 160 } },
  { key: 'owner', title: 'Owner', style: { minWidth: 110 } },
  { key: 'verdict', title: 'Verdict', style: { whiteSpace: 'nowrap' } },
  { key: null, title: 'Reasons', style: { minWidth: 240 } },
  { key: 'adoption', title: 'Adoption', style: { minWidth: 130 } },
  { key: 'need', title: 'Need', style: { whiteSpace: 'nowrap' } },
  {
    key: 'valueClass',
    title: 'Value class',
    style: { whiteSpace: 'nowrap' },
  },
  {
    key: 'surface',
    title: 'Surface',
    align: 'right',
    style: { whiteSpace: 'nowrap' },
  },
];

function columnStyle(title: ColumnTitle): CSSProperties {
  return columns.find(c => c.title === title)!.style;
}

const useTableStyles = makeStyles(theme => ({
  table: {
    // Less side padding than MUI's 16/24 px, so that eight columns fit at 1280 px.
    '& th, & td': {
      padding: theme.spacing(0.75, 1),
      verticalAlign: 'top',
    },
    '& th:first-child, & td:first-child': {
      paddingLeft: theme.spacing(2),
    },
  },
  info: {
    fontSize: '1rem',
    verticalAlign: 'text-bottom',
    marginLeft: theme.spacing(0.5),
    color: theme.palette.text.secondary,
  },
  note: {
    padding: theme.spacing(1, 2, 1.5),
  },
}));

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
      <TableCell style={columnStyle('Capability')}>
        <EntityRefLink entityRef={capability.entityRef}>
          {capability.title}
        </EntityRefLink>
        <CapabilitySubtitle capability={capability} />
      </TableCell>
      <TableCell style={columnStyle('Owner')}>
        {capability.owner ? (
          <EntityRefLink entityRef={capability.owner} defaultKind="group" />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No owner
          </Typography>
        )}
      </TableCell>
      <TableCell style={columnStyle('Verdict')}>
        <VerdictChip verdict={capability.verdict} />
      </TableCell>
      <TableCell style={columnStyle('Reasons')}>
        <ReasonList
          reasons={capability.reasons}
          aria-label={`Reasons for ${capability.title}`}
        />
      </TableCell>
      <TableCell style={columnStyle('Adoption')}>
        <AdoptionBar
          consumers={capability.consumers}
          trend={capability.adoptionTrend}
        />
      </TableCell>
      <TableCell style={columnStyle('Need')}>
        <NeedChip need={capability.need} />
      </TableCell>
      <TableCell style={columnStyle('Value class')}>
        {valueClassLabels[capability.valueClass]}
      </TableCell>
      <TableCell align="right" style={columnStyle('Surface')}>
        {capability.surface}
      </TableCell>
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

  const classes = useTableStyles();
  // Owners are sorted by the name the app shows for them (a Group's display name, else its ref), as the table and
  // the owner filter show them through Backstage's entity presentation.
  const presentation = useApiHolder().get(entityPresentationApiRef);
  const ownerTitle = (ref: string) =>
    entityPresentationSnapshot(ref, { defaultKind: 'group' }, presentation)
      .primaryTitle;
  const owners = ownersOf(capabilities, ownerTitle);
  const hasUnowned = capabilities.some(c => c.owner === null);
  const counts = useMemo(() => countVerdicts(capabilities), [capabilities]);
  const rows = useMemo(
    () =>
      sortCapabilities(
        filterCapabilities(capabilities, { verdicts, owner }),
        sort.key,
        sort.direction,
        ownerTitle,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [capabilities, verdicts, owner, sort, presentation],
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
              <EntityDisplayName
                entityRef={o}
                defaultKind="group"
                hideIcon
                disableTooltip
              />
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
        <Table
          size="small"
          aria-label="Capabilities and their verdicts"
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              {columns.map(column => (
                <TableCell
                  key={column.title}
                  align={column.align}
                  style={column.style}
                  aria-describedby={
                    column.title === 'Surface' ? SURFACE_NOTE_ID : undefined
                  }
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
                  {column.title === 'Surface' && (
                    <Tooltip title={SURFACE_EXPLANATION}>
                      <InfoOutlinedIcon
                        className={classes.info}
                        aria-hidden
                        data-testid="surface-info"
                      />
                    </Tooltip>
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
      <Typography
        id={SURFACE_NOTE_ID}
        variant="caption"
        component="p"
        color="textSecondary"
        className={classes.note}
      >
        {SURFACE_EXPLANATION}
      </Typography>
    </InfoCard>
  );
}
