import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { TeamNames } from './TeamNames';

/** How Backstage maps a user to teams, in the words every "no team" note uses. */
export function TeamMappingHelp(props: { userEntityRef?: string }) {
  const { userEntityRef } = props;
  return (
    <>
      Backstage knows your teams from the catalog: the <code>memberOf</code>{' '}
      relation of your User entity
      {userEntityRef ? (
        <>
          {' '}
          (<code>{userEntityRef}</code>)
        </>
      ) : null}
      , set by its <code>spec.memberOf</code> or by a Group that lists you in
      its <code>spec.members</code>. Ask your Backstage administrator to add you
      to your team in the catalog; the change counts from your next sign-in.
    </>
  );
}

/**
 * Says plainly that the signed-in user belongs to no team, what that changes, and how users map to teams. With an
 * `audience`, the survey is for those teams only, so the user cannot answer it.
 */
export function NoTeamNote(props: {
  userEntityRef?: string;
  /** The teams a survey is addressed to; empty or undefined for a survey for everyone or for a list of surveys. */
  audience?: string[];
  className?: string;
}) {
  const { userEntityRef, audience, className } = props;
  let consequence: ReactNode;
  if (audience && audience.length > 0) {
    consequence = (
      <>
        This survey is for <TeamNames refs={audience} />, so you cannot answer
        it.
      </>
    );
  } else if (audience) {
    consequence =
      'You can answer this survey: your answers count in the overall results, but in no team’s figures.';
  } else {
    consequence =
      'Surveys addressed to particular teams are not shown to you, and your answers to surveys for everyone count in no team’s figures.';
  }
  return (
    <Alert severity="info" role="note" className={className}>
      <AlertTitle>You are not a member of any team</AlertTitle>
      {consequence} <TeamMappingHelp userEntityRef={userEntityRef} />
    </Alert>
  );
}
