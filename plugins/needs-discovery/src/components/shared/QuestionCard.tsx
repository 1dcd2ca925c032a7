import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  card: {
    marginBottom: theme.spacing(2),
  },
  fieldset: {
    border: 0,
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: theme.spacing(0.5),
  },
  description: {
    whiteSpace: 'pre-line',
    marginBottom: theme.spacing(1.5),
  },
}));

/** One question of a survey, as a fieldset so screen readers announce its title with each input. */
export function QuestionCard(props: {
  title: string;
  description?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { title, description, required, children } = props;
  const classes = useStyles();
  const theme = useTheme();
  return (
    <Card className={classes.card} variant="outlined">
      <CardContent>
        <fieldset className={classes.fieldset}>
          <legend className={classes.legend}>
            <Typography variant="h6" component="span">
              {title}
            </Typography>
            {required && (
              <Typography
                variant="body2"
                component="span"
                // the theme's error red fails WCAG AA contrast at body size; its dark shade passes
                style={{ color: theme.palette.error.dark }}
              >
                {' '}
                (required)
              </Typography>
            )}
          </legend>
          {description && (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.description}
            >
              {description}
            </Typography>
          )}
          {children}
        </fieldset>
      </CardContent>
    </Card>
  );
}
