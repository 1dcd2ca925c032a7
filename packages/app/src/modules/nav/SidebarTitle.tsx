import {
  Link,
  sidebarConfig,
  useSidebarOpenState,
} from '@backstage/core-components';
import { makeStyles, Typography } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  root: {
    height: 3 * sidebarConfig.logoHeight,
    display: 'flex',
    alignItems: 'center',
    paddingLeft: theme.spacing(3),
    marginBottom: -14,
  },
  title: {
    color: theme.palette.common.white,
    fontWeight: 700,
    lineHeight: 1.1,
  },
}));

/** The product name, shortened when the sidebar is collapsed. */
export const SidebarTitle = () => {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();
  return (
    <div className={classes.root}>
      <Link to="/" underline="none" aria-label="Home">
        <Typography variant="h6" className={classes.title}>
          {isOpen ? 'Platform Product Kit' : 'PPK'}
        </Typography>
      </Link>
    </div>
  );
};
