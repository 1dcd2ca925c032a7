import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsDiscoveryApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockNeedsDiscoveryApi,
  responseError,
  survey,
} from '../../testUtils/fixtures';
import { SurveyBuilderPage } from './SurveyBuilderPage';
import { cleanDefinition, followTitle, slugify } from './definition';
import { isoToLocalInput } from '../shared';

const surveyYaml = `
title: Platform needs, wave 1
description: Tell us what hurts.
audience:
  - group:default/checkout
anonymityThreshold: 4
needs:
  - id: faster-ci
    title: Faster CI feedback
questions:
  - id: needs
    type: need-rating
    title: Rate each need
`;

// A form this size takes seconds to render and fill, more on a busy machine.
jest.setTimeout(30_000);

// A required field's label ends in an asterisk, hidden from screen readers.
const REQUIRED_TITLE = /^Title\s*\*$/;
const REQUIRED_THRESHOLD = /^Anonymity threshold \(k\)\s*\*$/;

async function renderBuilder(
  api: ReturnType<typeof mockNeedsDiscoveryApi>,
  surveyId?: string,
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [needsDiscoveryApiRef, api],
        [catalogApiRef, catalogApiMock()],
      ]}
    >
      <SurveyBuilderPage surveyId={surveyId} />
    </TestApiProvider>,
    { mountedRoutes: { '/needs': rootRouteRef } },
  );
}

describe('SurveyBuilderPage', () => {
  it('imports YAML into the form and creates a draft from it', async () => {
    const api = mockNeedsDiscoveryApi();
    api.createSurvey.mockResolvedValue({ ...survey, status: 'draft' });
    await renderBuilder(api);
    const user = userEvent.setup();

    await user.click(screen.getByText('Import YAML'));
    // fireEvent.change: typing YAML key by key is slow and userEvent treats braces as keys.
    fireEvent.change(screen.getByLabelText('Survey YAML'), {
      target: { value: surveyYaml },
    });
    await user.click(screen.getByText('Import'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(screen.getByLabelText('Title of need 1')).toHaveValue(
      'Faster CI feedback',
    );
    await user.click(screen.getByText('Create draft'));

    await waitFor(() =>
      expect(api.createSurvey).toHaveBeenCalledWith({
        title: 'Platform needs, wave 1',
        description: 'Tell us what hurts.',
        audience: ['group:default/checkout'],
        anonymityThreshold: 4,
        closesAt: null,
        needs: [
          {
            id: 'faster-ci',
            title: 'Faster CI feedback',
            description: undefined,
          },
        ],
        questions: [
          {
            id: 'needs',
            type: 'need-rating',
            title: 'Rate each need',
            description: undefined,
            required: false,
          },
        ],
      }),
    );
  });

  it('labels every field, so that it can be found by its label', async () => {
    const api = mockNeedsDiscoveryApi();
    api.createSurvey.mockResolvedValue({ ...survey, status: 'draft' });
    await renderBuilder(api);
    const user = userEvent.setup();

    fireEvent.change(screen.getByLabelText(REQUIRED_TITLE), {
      target: { value: 'Platform needs, wave 2' },
    });
    fireEvent.change(screen.getByLabelText('Description'), {
      target: { value: 'Tell us what hurts.' },
    });
    const threshold = screen.getByLabelText(REQUIRED_THRESHOLD);
    expect(threshold).toHaveValue(5);
    expect(
      screen.getByText(
        'Figures drawn from fewer respondents than this are hidden. At least 3.',
      ),
    ).toBeInTheDocument();
    fireEvent.change(threshold, { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Closes at'), {
      target: { value: '2030-01-31T17:00' },
    });
    expect(screen.getByLabelText('Audience')).toBeInTheDocument();

    // The first question, and the fields of each question type.
    expect(screen.getByLabelText('Type of question 1')).toHaveValue(
      'need-rating',
    );
    expect(screen.getByLabelText('Title of question 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Id of question 1')).toHaveValue('needs');
    fireEvent.change(screen.getByLabelText('Help text of question 1'), {
      target: { value: 'Skip what you do not know.' },
    });
    expect(screen.getByLabelText('Required (question 1)')).not.toBeChecked();

    await user.click(screen.getByText('Add question'));
    expect(screen.getByLabelText('Options of question 2')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Type of question 2'), {
      target: { value: 'multi-choice' },
    });
    expect(
      screen.getByLabelText('Most options one person may pick in question 2'),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Type of question 2'), {
      target: { value: 'ranking' },
    });
    expect(
      screen.getByLabelText('Needs to rank in question 2'),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Type of question 2'), {
      target: { value: 'free-text' },
    });
    expect(
      screen.getByLabelText('Maximum length of answers to question 2'),
    ).toHaveValue(2000);
    expect(
      screen.getByLabelText('Answers propose new needs (question 2)'),
    ).not.toBeChecked();
    expect(screen.getByLabelText('Move question 2 up')).toBeEnabled();
    expect(screen.getByLabelText('Remove question 2')).toBeEnabled();

    await user.click(screen.getByText('Add need'));
    expect(screen.getByLabelText('Title of need 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Id of need 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Description of need 1')).toBeInTheDocument();
    expect(screen.getByLabelText('Remove need 1')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Remove question 2'));
    await user.click(screen.getByLabelText('Remove need 1'));
    await user.click(screen.getByText('Create draft'));
    await waitFor(() =>
      expect(api.createSurvey).toHaveBeenCalledWith(
        expect.objectContaining({
          title: 'Platform needs, wave 2',
          description: 'Tell us what hurts.',
          anonymityThreshold: 4,
          closesAt: new Date('2030-01-31T17:00').toISOString(),
          questions: [
            expect.objectContaining({
              id: 'needs',
              description: 'Skip what you do not know.',
            }),
          ],
        }),
      ),
    );
  });

  it('loads a draft into the labelled fields', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, status: 'draft' });
    await renderBuilder(api, survey.id);

    expect(await screen.findByLabelText(REQUIRED_TITLE)).toHaveValue(
      'Developer experience 2025',
    );
    expect(screen.getByLabelText('Description')).toHaveValue(
      'What slows you down?',
    );
    expect(screen.getByLabelText(REQUIRED_THRESHOLD)).toHaveValue(5);
    expect(screen.getByLabelText('Closes at')).toHaveValue(
      isoToLocalInput('2030-01-31T17:00:00.000Z'),
    );
    expect(screen.getByLabelText('Title of question 6')).toHaveValue(
      'Would you recommend the platform?',
    );
    expect(
      screen.getByText(
        'Drafts can be changed freely; opening a survey fixes its needs, questions and anonymity threshold.',
      ),
    ).toBeInTheDocument();
  });

  it('lists the problems of an invalid YAML survey', async () => {
    await renderBuilder(mockNeedsDiscoveryApi());
    const user = userEvent.setup();

    await user.click(screen.getByText('Import YAML'));
    fireEvent.change(screen.getByLabelText('Survey YAML'), {
      target: { value: 'title: Missing needs\nanonymityThreshold: 1\n' },
    });
    await user.click(screen.getByText('Import'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /anonymityThreshold/,
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows every problem the server reports', async () => {
    const api = mockNeedsDiscoveryApi();
    api.createSurvey.mockRejectedValue(
      await responseError(400, 'title is required; needs must not be empty'),
    );
    await renderBuilder(api);
    const user = userEvent.setup();

    await user.click(screen.getByText('Create draft'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'title is required; needs must not be empty',
    );
  });

  it('only edits drafts', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue(survey);
    await renderBuilder(api, survey.id);

    expect(
      await screen.findByText(/only drafts can be edited/i),
    ).toBeInTheDocument();
    expect(screen.queryByText('Save draft')).not.toBeInTheDocument();
  });
});

describe('survey definition helpers', () => {
  it('derives kebab-case ids from titles', () => {
    expect(slugify('  Faster CI feedback! ')).toBe('faster-ci-feedback');
    expect(slugify('Déploiement rapide')).toBe('deploiement-rapide');
  });

  it('lets derived ids follow the title but keeps typed ones', () => {
    expect(followTitle('', '', 'Faster CI')).toBe('faster-ci');
    expect(followTitle('faster-ci', 'Faster CI', 'Faster CI runs')).toBe(
      'faster-ci-runs',
    );
    expect(followTitle('ci', 'Faster CI', 'Faster CI runs')).toBe('ci');
  });

  it('drops blank options and descriptions before saving', () => {
    const cleaned = cleanDefinition({
      title: ' Survey ',
      description: '  ',
      audience: [],
      anonymityThreshold: 5,
      closesAt: '',
      needs: [],
      questions: [
        {
          id: 'role',
          type: 'single-choice',
          title: 'Role',
          options: ['Dev', '', ' SRE '],
        },
      ],
    });
    expect(cleaned.title).toBe('Survey');
    expect(cleaned.description).toBeUndefined();
    expect(cleaned.closesAt).toBeNull();
    expect(cleaned.questions[0]).toMatchObject({ options: ['Dev', 'SRE'] });
  });
});
