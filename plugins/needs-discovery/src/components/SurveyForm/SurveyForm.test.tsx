import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { needsDiscoveryApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  mockNeedsDiscoveryApi,
  responseError,
  survey,
} from '../../testUtils/fixtures';
import { SurveyFormPage } from './SurveyFormPage';

// A form this size takes seconds to render and fill, more on a busy machine.
jest.setTimeout(30_000);

const savedResponse = {
  surveyId: survey.id,
  answers: {},
  teams: [],
  submittedAt: '2025-02-01T00:00:00.000Z',
  updatedAt: '2025-02-01T00:00:00.000Z',
};

async function renderForm(
  api = mockNeedsDiscoveryApi(),
  ownershipEntityRefs = ['user:default/ann', 'group:default/checkout'],
) {
  api.getSurvey.mockResolvedValue(survey);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [needsDiscoveryApiRef, api],
        [permissionApiRef, mockApis.permission()],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: ownershipEntityRefs[0],
            ownershipEntityRefs,
          }),
        ],
      ]}
    >
      <SurveyFormPage surveyId={survey.id} />
    </TestApiProvider>,
    { mountedRoutes: { '/needs': rootRouteRef } },
  );
  await screen.findByRole('heading', { name: survey.title });
  return api;
}

describe('SurveyFormPage', () => {
  it('submits the need-rating grid in the API shape', async () => {
    const api = mockNeedsDiscoveryApi();
    api.submitMyResponse.mockResolvedValue(savedResponse);
    await renderForm(api);
    const user = userEvent.setup();

    // getByLabelText rather than getByRole: much faster on a form this size.
    await user.click(screen.getByLabelText('Pain for Faster CI feedback: 4'));
    await user.selectOptions(
      screen.getByLabelText('How often for Faster CI feedback'),
      'daily',
    );
    await user.click(screen.getByLabelText('Pain for Preview environments: 2'));
    await user.selectOptions(
      screen.getByLabelText('How often for Preview environments'),
      'monthly',
    );
    await user.click(screen.getByText('Submit'));

    await waitFor(() =>
      expect(api.submitMyResponse).toHaveBeenCalledWith(survey.id, {
        needs: {
          'faster-ci': { pain: 4, frequency: 'daily' },
          'preview-envs': { pain: 2, frequency: 'monthly' },
        },
      }),
    );
    expect(
      await screen.findByText(/your response is saved/i),
    ).toBeInTheDocument();
  });

  it('submits the other question types in the API shape', async () => {
    const api = mockNeedsDiscoveryApi();
    api.submitMyResponse.mockResolvedValue(savedResponse);
    await renderForm(api);
    const user = userEvent.setup();

    await user.click(screen.getByLabelText('SRE'));
    await user.click(screen.getByLabelText('Jenkins'));
    await user.click(screen.getByLabelText('Argo CD'));
    // maxSelections is 2: the third option can no longer be picked.
    expect(screen.getByLabelText('GitHub Actions')).toBeDisabled();
    const addRanking = screen.getByLabelText('Add a need to Most important');
    await user.selectOptions(addRanking, 'preview-envs');
    await user.selectOptions(addRanking, 'faster-ci');
    await user.click(screen.getByLabelText('Move Faster CI feedback up'));
    await user.click(screen.getByLabelText('Anything else?'));
    await user.paste('More docs');
    await user.click(
      screen.getByLabelText('Would you recommend the platform?: 9'),
    );
    await user.click(screen.getByText('Submit'));

    await waitFor(() =>
      expect(api.submitMyResponse).toHaveBeenCalledWith(survey.id, {
        role: 'SRE',
        tools: ['Jenkins', 'Argo CD'],
        top: ['faster-ci', 'preview-envs'],
        other: 'More docs',
        recommend: 9,
      }),
    );
  });

  it('shows the server message when the response is rejected', async () => {
    const api = mockNeedsDiscoveryApi();
    api.submitMyResponse.mockRejectedValue(
      await responseError(
        400,
        'recommend: an answer is required; role: "Manager" is not an option',
      ),
    );
    await renderForm(api);
    const user = userEvent.setup();

    await user.click(screen.getByText('Submit'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'recommend: an answer is required; role: "Manager" is not an option',
    );
  });

  it('asks for both halves of a need rating before submitting', async () => {
    const api = await renderForm();
    const user = userEvent.setup();

    await user.click(screen.getByLabelText('Pain for Faster CI feedback: 5'));
    await user.click(screen.getByText('Submit'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Faster CI feedback.*pick both a pain level and how often/,
    );
    expect(api.submitMyResponse).not.toHaveBeenCalled();

    // Clearing the row skips the need instead.
    await user.click(screen.getByLabelText('Skip Faster CI feedback'));
    expect(
      screen.getByLabelText('Pain for Faster CI feedback: 5'),
    ).not.toBeChecked();
  });

  it('loads my earlier response and withdraws it after confirming', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getMyResponse.mockResolvedValue({
      surveyId: survey.id,
      answers: {
        needs: { 'self-service-db': { pain: 3, frequency: 'weekly' } },
        recommend: 7,
      },
      teams: ['group:default/checkout'],
      submittedAt: '2025-02-01T00:00:00.000Z',
      updatedAt: '2025-02-01T00:00:00.000Z',
    });
    api.withdrawMyResponse.mockResolvedValue();
    await renderForm(api);
    const user = userEvent.setup();

    expect(
      screen.getByLabelText('Pain for Self-service databases: 3'),
    ).toBeChecked();
    expect(
      screen.getByLabelText('How often for Self-service databases'),
    ).toHaveValue('weekly');

    await user.click(
      screen.getByRole('button', { name: 'Withdraw my response' }),
    );
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await waitFor(() =>
      expect(api.withdrawMyResponse).toHaveBeenCalledWith(survey.id),
    );
    expect(
      await screen.findByText(/your response is withdrawn/i),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Pain for Self-service databases: 3'),
    ).not.toBeChecked();
  });

  it('does not take answers once the survey is closed', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, status: 'closed' });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [needsDiscoveryApiRef, api],
          [permissionApiRef, mockApis.permission()],
        ]}
      >
        <SurveyFormPage surveyId={survey.id} />
      </TestApiProvider>,
      { mountedRoutes: { '/needs': rootRouteRef } },
    );

    expect(
      await screen.findByText(/this survey is closed/i),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Pain for Faster CI feedback: 1'),
    ).toBeDisabled();
    expect(screen.queryByText('Submit')).toBeNull();
  });

  it('says plainly that a user in no team cannot answer a survey for teams, and how users map to teams', async () => {
    await renderForm(mockNeedsDiscoveryApi(), ['user:development/guest']);

    const note = await screen.findByText('You are not a member of any team');
    const alert = note.closest('[role="note"]')!;
    expect(alert).toHaveTextContent(
      'This survey is for checkout, payments, so you cannot answer it.',
    );
    expect(alert).toHaveTextContent('spec.memberOf');
    expect(alert).toHaveTextContent('spec.members');
    expect(screen.getByText('Submit').closest('button')).toBeDisabled();
  });

  it('lets a user in no team answer a survey for everyone, saying it counts for no team', async () => {
    const api = mockNeedsDiscoveryApi();
    api.getSurvey.mockResolvedValue({ ...survey, audience: [] });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [needsDiscoveryApiRef, api],
          [permissionApiRef, mockApis.permission()],
          [
            identityApiRef,
            mockApis.identity({
              userEntityRef: 'user:development/guest',
              ownershipEntityRefs: ['user:development/guest'],
            }),
          ],
        ]}
      >
        <SurveyFormPage surveyId={survey.id} />
      </TestApiProvider>,
      { mountedRoutes: { '/needs': rootRouteRef } },
    );
    expect(
      await screen.findByText(/your answers count in the overall results/),
    ).toBeInTheDocument();
    expect(screen.getByText('Submit').closest('button')).toBeEnabled();
  });

  it('tells a user outside the audience before they fill in the form', async () => {
    await renderForm(mockNeedsDiscoveryApi(), [
      'user:default/zoe',
      'group:default/mobile',
    ]);

    expect(
      await screen.findByText(
        /This survey is for checkout, payments, and you are not a member of those teams/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Submit').closest('button')).toBeDisabled();
  });
});
