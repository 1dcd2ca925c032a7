import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import DeleteIcon from '@material-ui/icons/Delete';
import { useId } from 'react';
import {
  DEFAULT_FREE_TEXT_MAX_LENGTH,
  QUESTION_TYPES,
  Question,
  QuestionType,
  isValidId,
} from '@platform-product/plugin-needs-discovery-common';
import { changeQuestionType, followTitle } from './definition';

const questionTypeLabels: Record<QuestionType, string> = {
  'need-rating': 'Need rating (pain and frequency per need)',
  'single-choice': 'Single choice',
  'multi-choice': 'Multiple choice',
  ranking: 'Ranking of needs',
  'free-text': 'Free text',
  nps: 'Net promoter score (0–10)',
};

const useStyles = makeStyles(theme => ({
  card: {
    marginBottom: theme.spacing(2),
  },
}));

/** Parses a positive integer field; blank means "not set". */
function readPositiveInt(text: string): number | undefined {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function TypeSpecificFields(props: {
  question: Question;
  position: number;
  onChange: (question: Question) => void;
  disabled?: boolean;
}) {
  const { question, position, onChange, disabled } = props;
  const fieldId = useId();
  switch (question.type) {
    case 'single-choice':
    case 'multi-choice':
      return (
        <Grid container spacing={1}>
          <Grid item xs={12} md={question.type === 'multi-choice' ? 8 : 12}>
            <TextField
              id={`${fieldId}-options`}
              fullWidth
              multiline
              minRows={3}
              size="small"
              variant="outlined"
              label="Options, one per line"
              value={question.options.join('\n')}
              disabled={disabled}
              inputProps={{ 'aria-label': `Options of question ${position}` }}
              // Blank lines are kept while typing and dropped on save.
              onChange={event =>
                onChange({
                  ...question,
                  options: event.target.value.split('\n'),
                })
              }
            />
          </Grid>
          {question.type === 'multi-choice' && (
            <Grid item xs={12} md={4}>
              <TextField
                id={`${fieldId}-max-selections`}
                fullWidth
                size="small"
                type="number"
                label="Most options one person may pick"
                helperText="Blank: no limit"
                value={question.maxSelections ?? ''}
                disabled={disabled}
                inputProps={{
                  min: 1,
                  'aria-label': `Most options one person may pick in question ${position}`,
                }}
                onChange={event =>
                  onChange({
                    ...question,
                    maxSelections: readPositiveInt(event.target.value),
                  })
                }
              />
            </Grid>
          )}
        </Grid>
      );
    case 'ranking':
      return (
        <TextField
          id={`${fieldId}-max`}
          size="small"
          type="number"
          label="Needs to rank"
          value={question.max}
          disabled={disabled}
          inputProps={{
            min: 1,
            'aria-label': `Needs to rank in question ${position}`,
          }}
          onChange={event =>
            onChange({
              ...question,
              max: readPositiveInt(event.target.value) ?? 1,
            })
          }
        />
      );
    case 'free-text':
      return (
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          <TextField
            id={`${fieldId}-max-length`}
            size="small"
            type="number"
            label="Maximum length"
            value={question.maxLength ?? DEFAULT_FREE_TEXT_MAX_LENGTH}
            disabled={disabled}
            inputProps={{
              min: 1,
              'aria-label': `Maximum length of answers to question ${position}`,
            }}
            onChange={event =>
              onChange({
                ...question,
                maxLength: readPositiveInt(event.target.value),
              })
            }
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={Boolean(question.proposesNeed)}
                disabled={disabled}
                inputProps={{
                  'aria-label': `Answers propose new needs (question ${position})`,
                }}
                onChange={event =>
                  onChange({ ...question, proposesNeed: event.target.checked })
                }
              />
            }
            label="Answers propose new needs"
          />
        </Box>
      );
    default:
      return null;
  }
}

export function QuestionsEditor(props: {
  questions: Question[];
  needCount: number;
  onChange: (questions: Question[]) => void;
  disabled?: boolean;
}) {
  const { questions, needCount, onChange, disabled } = props;
  const classes = useStyles();
  // Ids tie each visible label to its field; the aria-labels say which question it belongs to.
  const fieldId = useId();

  const replace = (index: number, question: Question) =>
    onChange(questions.map((q, i) => (i === index ? question : q)));
  const remove = (index: number) =>
    onChange(questions.filter((_, i) => i !== index));
  const move = (index: number, offset: number) => {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    next.splice(index + offset, 0, item);
    onChange(next);
  };
  const add = () =>
    onChange([
      ...questions,
      { id: '', type: 'single-choice', title: '', options: ['', ''] },
    ]);

  const hasNeedRating = (exceptIndex: number) =>
    questions.some((q, i) => i !== exceptIndex && q.type === 'need-rating');

  return (
    <>
      {questions.map((question, index) => {
        const position = index + 1;
        const idError =
          question.id !== '' && !isValidId(question.id)
            ? 'Use kebab-case (lowercase letters, digits and dashes), at most 100 characters'
            : undefined;
        return (
          <Card variant="outlined" className={classes.card} key={index}>
            <CardContent>
              <Grid container spacing={1} alignItems="flex-start">
                <Grid item xs={12} md={4}>
                  <TextField
                    id={`${fieldId}-${index}-type`}
                    select
                    fullWidth
                    size="small"
                    label="Type"
                    value={question.type}
                    disabled={disabled}
                    SelectProps={{ native: true }}
                    inputProps={{
                      'aria-label': `Type of question ${position}`,
                    }}
                    onChange={event =>
                      replace(
                        index,
                        changeQuestionType(
                          question,
                          event.target.value as QuestionType,
                          needCount,
                        ),
                      )
                    }
                  >
                    {QUESTION_TYPES.map(type => (
                      <option
                        key={type}
                        value={type}
                        // A survey has at most one need-rating grid.
                        disabled={
                          type === 'need-rating' && hasNeedRating(index)
                        }
                      >
                        {questionTypeLabels[type]}
                      </option>
                    ))}
                  </TextField>
                </Grid>
                <Grid item xs={12} md={5}>
                  <TextField
                    id={`${fieldId}-${index}-title`}
                    fullWidth
                    required
                    size="small"
                    label="Question"
                    value={question.title}
                    disabled={disabled}
                    inputProps={{
                      'aria-label': `Title of question ${position}`,
                    }}
                    onChange={event =>
                      replace(index, {
                        ...question,
                        title: event.target.value,
                        id: followTitle(
                          question.id,
                          question.title,
                          event.target.value,
                        ),
                      })
                    }
                  />
                </Grid>
                <Grid item xs={12} md={3}>
                  <TextField
                    id={`${fieldId}-${index}-id`}
                    fullWidth
                    required
                    size="small"
                    label="Id"
                    value={question.id}
                    disabled={disabled}
                    error={Boolean(idError)}
                    helperText={idError}
                    inputProps={{ 'aria-label': `Id of question ${position}` }}
                    onChange={event =>
                      replace(index, { ...question, id: event.target.value })
                    }
                  />
                </Grid>
                <Grid item xs={12}>
                  <TextField
                    id={`${fieldId}-${index}-help-text`}
                    fullWidth
                    size="small"
                    label="Help text"
                    value={question.description ?? ''}
                    disabled={disabled}
                    inputProps={{
                      'aria-label': `Help text of question ${position}`,
                    }}
                    onChange={event =>
                      replace(index, {
                        ...question,
                        description: event.target.value,
                      })
                    }
                  />
                </Grid>
                <Grid item xs={12}>
                  <TypeSpecificFields
                    question={question}
                    position={position}
                    disabled={disabled}
                    onChange={next => replace(index, next)}
                  />
                </Grid>
                <Grid item xs={12}>
                  <Box display="flex" alignItems="center">
                    <FormControlLabel
                      control={
                        <Checkbox
                          checked={Boolean(question.required)}
                          disabled={disabled}
                          inputProps={{
                            'aria-label': `Required (question ${position})`,
                          }}
                          onChange={event =>
                            replace(index, {
                              ...question,
                              required: event.target.checked,
                            })
                          }
                        />
                      }
                      label="Required"
                    />
                    <Box flexGrow={1} />
                    <IconButton
                      aria-label={`Move question ${position} up`}
                      disabled={disabled || index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUpwardIcon />
                    </IconButton>
                    <IconButton
                      aria-label={`Move question ${position} down`}
                      disabled={disabled || index === questions.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDownwardIcon />
                    </IconButton>
                    <IconButton
                      aria-label={`Remove question ${position}`}
                      disabled={disabled}
                      onClick={() => remove(index)}
                    >
                      <DeleteIcon />
                    </IconButton>
                  </Box>
                </Grid>
              </Grid>
            </CardContent>
          </Card>
        );
      })}
      <Button startIcon={<AddIcon />} onClick={add} disabled={disabled}>
        Add question
      </Button>
    </>
  );
}
