import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Collapse from '@material-ui/core/Collapse';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  Subscore,
  SubscoreInput,
} from '@platform-product/plugin-thinness-scorecard-common';
import { useState } from 'react';
import { formatPercent, scoreBand, scoreBandLabels } from '../shared';

function formatInput(value: SubscoreInput['value']): string {
  if (value === null) {
    return '–';
  }
  if (typeof value === 'number') {
    return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  }
  return value;
}

function SubscoreCard(props: { subscore: Subscore; totalWeight: number }) {
  const { subscore, totalWeight } = props;
  const [open, setOpen] = useState(false);
  const detailsId = `thinness-subscore-${subscore.id}-explanation`;
  const weightShare = totalWeight > 0 ? subscore.weight / totalWeight : 0;

  return (
    <Card variant="outlined" style={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {subscore.title}
        </Typography>
        {subscore.value === null ? (
          <Typography variant="body2" color="textSecondary" component="p">
            Not scored
          </Typography>
        ) : (
          <>
            <Box display="flex" alignItems="baseline" style={{ gap: 4 }}>
              <Typography variant="h4" component="p">
                {subscore.value}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                / 100 · {scoreBandLabels[scoreBand(subscore.value)]}
              </Typography>
            </Box>
            <LinearProgress
              variant="determinate"
              value={subscore.value}
              aria-label={`${subscore.title}: ${subscore.value} out of 100`}
            />
          </>
        )}
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          style={{ marginTop: 4 }}
        >
          Weight {subscore.weight} ({formatPercent(weightShare)} of the score)
        </Typography>
        <Button
          size="small"
          onClick={() => setOpen(o => !o)}
          aria-expanded={open}
          aria-controls={detailsId}
          endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          aria-label={`${open ? 'Hide' : 'Explain'} ${subscore.title}`}
        >
          {open ? 'Hide' : 'Explain'}
        </Button>
        <Collapse in={open} unmountOnExit>
          <div id={detailsId}>
            <Typography variant="body2" paragraph>
              {subscore.explanation}
            </Typography>
            <Typography variant="body2">
              <strong>Formula:</strong> {subscore.formula}
            </Typography>
            {subscore.inputs.length > 0 && (
              <Table size="small" aria-label={`Inputs of ${subscore.title}`}>
                <TableBody>
                  {subscore.inputs.map(input => (
                    <TableRow key={input.id}>
                      <TableCell component="th" scope="row">
                        {input.label}
                      </TableCell>
                      <TableCell align="right">
                        {formatInput(input.value)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </div>
        </Collapse>
      </CardContent>
    </Card>
  );
}

/** The weighted sub-scores, each with its formula and inputs one click away. */
export function SubscoreCards(props: { subscores: Subscore[] }) {
  const { subscores } = props;
  const totalWeight = subscores.reduce((sum, s) => sum + s.weight, 0);
  return (
    <Grid container spacing={2}>
      {subscores.map(subscore => (
        <Grid item xs={12} sm={6} lg={4} key={subscore.id}>
          <SubscoreCard subscore={subscore} totalWeight={totalWeight} />
        </Grid>
      ))}
    </Grid>
  );
}
