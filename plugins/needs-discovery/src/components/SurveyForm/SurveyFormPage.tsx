import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
  LinkButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import LockOutlinedIcon from '@material-ui/icons/LockOutlined';
import Alert from '@material-ui/lab/Alert';
import {
  MyResponse,
  Question,
  Survey,
} from '@platform-product/plugin-needs-discovery-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { needsDiscoveryApiRef } from '../../api';
import { describeError } from '../../api/errors';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { useNeedsLinks } from '../../hooks/useNeedsLinks';
import { useMyTeams } from '../../hooks/useMyTeams';
import {
  ConfirmDialog,
  NoTeamNote,
  QuestionCard,
  SurveyStatusChip,
  TeamMappingHelp,
  formatDateTime,
  TeamNames,
} from '../shared';
import {
  DraftAnswers,
  DraftProblem,
  NeedRatingDraftAnswer,
  answersFromDraft,
  draftFromAnswers,
} from './answers';
import { NeedRatingGrid } from './NeedRatingGrid';
import {
  FreeTextField,
  MultiChoiceField,
  NpsField,
  RankingField,
  SingleChoiceField,
} from './QuestionFields';

const useStyles = makeStyles(theme => ({
  description: {
    whiteSpace: 'pre-line',
    marginBottom: theme.spacing(2),
  },
  notice: {
    marginBottom: theme.spacing(2),
    whiteSpace: 'pre-line',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  },
  meta: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));

type Notice = { severity: 'success' | 'info' | 'error'; message: string };

/** Loads a survey and the user's own response, then shows the form. */
export function SurveyFormPage(props: { surveyId: string }) {
  const { surveyId } = props;
  const api = useApi(needsDiscoveryApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [survey, myResponse] = await Promise.all([
      api.getSurvey(surveyId),
      api.getMyResponse(surveyId),
    ]);
    return { survey, myResponse };
  }, [api, surveyId]);

  return (
    <Content>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <SurveyForm survey={value.survey} initialResponse={value.myResponse} />
      )}
    </Content>
  );
}

export function SurveyForm(props: {
  survey: Survey;
  initialResponse: MyResponse | undefined;
}) {
  const { survey, initialResponse } = props;
  const classes = useStyles();
  const api = useApi(needsDiscoveryApiRef);
  const links = useNeedsLinks();
  const permissions = useNeedsDiscoveryPermissions();

  const [response, setResponse] = useState(initialResponse);
  const [draft, setDraft] = useState<DraftAnswers>(() =>
    draftFromAnswers(survey, initialResponse?.answers),
  );
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);

  const me = useMyTeams();
  const isOpen = survey.status === 'open';
  const noTeam = me.teams !== undefined && me.teams.length === 0;
  // The backend refuses answers from outside the audience; say so before the user fills in the form.
  const outsideAudience =
    me.teams !== undefined &&
    survey.audience.length > 0 &&
    !survey.audience.some(ref =>
      me.teams!.some(team => team.toLowerCase() === ref.toLowerCase()),
    );
  const readOnly =
    !isOpen || !permissions.canSubmitResponse || outsideAudience || saving;

  const setAnswer = (questionId: string, value: DraftAnswers[string]) => {
    setDraft(current => ({ ...current, [questionId]: value }));
    setNotice(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { answers, problems: found } = answersFromDraft(survey, draft);
    setProblems(found);
    if (found.length > 0) {
      setNotice({
        severity: 'error',
        message: found.map(p => p.message).join('\n'),
      });
      return;
    }
    setSaving(true);
    try {
      const saved = await api.submitMyResponse(survey.id, answers);
      setResponse(saved);
      setNotice({
        severity: 'success',
        message: response
          ? 'Your response is updated. Thank you!'
          : 'Thank you! Your response is saved; you can change it until the survey closes.',
      });
    } catch (e) {
      // The server lists every invalid answer in one message; show it as is.
      setNotice({ severity: 'error', message: describeError(e) });
    } finally {
      setSaving(false);
    }
  };

  const withdraw = async () => {
    setSaving(true);
    try {
      await api.withdrawMyResponse(survey.id);
      setResponse(undefined);
      setDraft({});
      setProblems([]);
      setNotice({
        severity: 'info',
        message: 'Your response is withdrawn and no longer counts.',
      });
    } catch (e) {
      setNotice({ severity: 'error', message: describeError(e) });
    } finally {
      setSaving(false);
      setConfirmWithdraw(false);
    }
  };

  const renderQuestion = (question: Question) => {
    const value = draft[question.id];
    switch (question.type) {
      case 'need-rating':
        return (
          <NeedRatingGrid
            needs={survey.needs}
            value={(value ?? {}) as NeedRatingDraftAnswer}
            onChange={next => setAnswer(question.id, next)}
            disabled={readOnly}
            incompleteNeedIds={problems
              .filter(p => p.questionId === question.id && p.needId)
              .map(p => p.needId!)}
          />
        );
      case 'single-choice':
        return (
          <SingleChoiceField
            question={question}
            value={typeof value === 'string' ? value : undefined}
            onChange={next => setAnswer(question.id, next)}
            disabled={readOnly}
          />
        );
      case 'multi-choice':
        return (
          <MultiChoiceField
            question={question}
            value={Array.isArray(value) ? value : undefined}
            onChange={next => setAnswer(question.id, next)}
            disabled={readOnly}
          />
        );
      case 'ranking':
        return (
          <RankingField
            question={question}
            needs={survey.needs}
            value={Array.isArray(value) ? value : undefined}
            onChange={next => setAnswer(question.id, next)}
            disabled={readOnly}
          />
        );
      case 'free-text':
        return (
          <FreeTextField
            question={question}
            value={typeof value === 'string' ? value : undefined}
            onChange={next => setAnswer(question.id, next)}
            disabled={readOnly}
          />
        );
      case 'nps':
        return (
          <NpsField
            question={question}
            value={typeof value === 'number' ? value : undefined}
            onChange={next => setAnswer(question.id, next)}
            disabled={readOnly}
          />
        );
      default:
        return null;
    }
  };

  // Only complete rows count: a half-filled row is not an answer yet.
  const ratedNeeds = survey.questions
    .filter(q => q.type === 'need-rating')
    .flatMap(q => Object.values((draft[q.id] ?? {}) as NeedRatingDraftAnswer))
    .filter(row => row.pain !== undefined && row.frequency).length;

  return (
    <>
      <ContentHeader title={survey.title}>
        <LinkButton to={links.root}>All surveys</LinkButton>
        {permissions.canReadResults && survey.status !== 'draft' && (
          <LinkButton to={links.results(survey.id)} color="primary">
            Results
          </LinkButton>
        )}
      </ContentHeader>
      <div className={classes.meta}>
        <SurveyStatusChip status={survey.status} />
        {/* On the page's grey background the secondary text colour fails WCAG AA contrast. */}
        <Typography variant="body2">
          Wave {survey.wave}
          {survey.closesAt && ` · closes ${formatDateTime(survey.closesAt)}`}
        </Typography>
      </div>
      {survey.description && (
        <Typography variant="body1" className={classes.description}>
          {survey.description}
        </Typography>
      )}
      <Alert
        severity="info"
        role="note"
        icon={<LockOutlinedIcon />}
        className={classes.notice}
      >
        Your answers are stored under a keyed hash, not your name, together with
        your teams. Results only show figures drawn from at least{' '}
        {survey.anonymityThreshold} respondents; smaller groups are hidden.
      </Alert>
      {!isOpen && (
        <Alert severity="warning" role="note" className={classes.notice}>
          {survey.status === 'draft'
            ? 'This survey is a draft: it does not take responses yet.'
            : 'This survey is closed: responses can no longer be changed.'}
        </Alert>
      )}
      {isOpen && !permissions.loading && !permissions.canSubmitResponse && (
        <Alert severity="warning" role="note" className={classes.notice}>
          You are not allowed to answer this survey.
        </Alert>
      )}
      {isOpen && noTeam && (
        <NoTeamNote
          userEntityRef={me.userEntityRef}
          audience={survey.audience}
          className={classes.notice}
        />
      )}
      {isOpen && !noTeam && outsideAudience && (
        <Alert severity="warning" role="note" className={classes.notice}>
          This survey is for <TeamNames refs={survey.audience} />, and you are
          not a member of those teams, so you cannot answer it.{' '}
          <TeamMappingHelp userEntityRef={me.userEntityRef} />
        </Alert>
      )}

      <form onSubmit={submit} noValidate>
        {survey.questions.map(question => (
          <QuestionCard
            key={question.id}
            title={question.title}
            description={question.description}
            required={question.required}
          >
            {renderQuestion(question)}
          </QuestionCard>
        ))}

        {notice && (
          <Alert
            severity={notice.severity}
            className={classes.notice}
            role={notice.severity === 'error' ? 'alert' : 'status'}
          >
            {notice.message}
          </Alert>
        )}

        {isOpen && (
          <div className={classes.actions}>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={readOnly}
            >
              {response ? 'Update my response' : 'Submit'}
            </Button>
            {response && (
              <Button
                variant="outlined"
                disabled={readOnly}
                onClick={() => setConfirmWithdraw(true)}
              >
                Withdraw my response
              </Button>
            )}
            <Typography variant="body2" color="textSecondary">
              {response
                ? `Last saved ${formatDateTime(response.updatedAt)}.`
                : 'Not answered yet.'}{' '}
              {survey.needs.length > 0 &&
                `${ratedNeeds} of ${survey.needs.length} needs rated.`}
            </Typography>
          </div>
        )}
      </form>

      <ConfirmDialog
        open={confirmWithdraw}
        title="Withdraw your response?"
        confirmLabel="Withdraw"
        destructive
        busy={saving}
        onConfirm={withdraw}
        onCancel={() => setConfirmWithdraw(false)}
      >
        Your answers to “{survey.title}” will be deleted and no longer count in
        the results. You can answer again while the survey is open.
      </ConfirmDialog>
    </>
  );
}
