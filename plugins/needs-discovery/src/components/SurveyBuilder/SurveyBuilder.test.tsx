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
