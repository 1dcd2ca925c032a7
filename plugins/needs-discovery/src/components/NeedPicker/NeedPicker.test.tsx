import { RegisteredNeed } from '@platform-product/plugin-needs-discovery-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { needsDiscoveryApiRef } from '../../api';
import { NeedPicker, rankNeeds } from './NeedPicker';

const need = (
  id: string,
  overrides: Partial<RegisteredNeed> = {},
): RegisteredNeed => ({
  id,
  title: `Title of ${id}`,
  status: 'open',
  capabilityRef: null,
  latestSurveyId: 's1',
  latestScore: 1,
  shared: false,
  teams: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

const needs = [
  need('need-low', { latestScore: 2 }),
  need('need-shared-high', { shared: true, latestScore: 12, teams: 4 }),
  need('need-shared-low', { shared: true, latestScore: 5, teams: 2 }),
  need('need-served', {
    status: 'served',
    shared: true,
    latestScore: 30,
    capabilityRef: 'system:default/log-shipping',
    capabilityTitle: 'Log Shipping',
    statusSource: 'catalog',
  }),
  need('need-in-mvp', {
    status: 'in-mvp',
    shared: true,
    latestScore: 26.61,
    capabilityRef: 'system:default/preview-environments',
    capabilityTitle: 'Preview Environments',
    statusSource: 'catalog',
  }),
  need('need-declined', { status: 'declined', shared: true, latestScore: 40 }),
];

describe('rankNeeds', () => {
  it.each([
    [
      {},
      [
        'need-shared-high',
        'need-shared-low',
        'need-low',
        'need-served',
        'need-in-mvp',
        'need-declined',
      ],
    ],
    [
      { sharedOnly: true },
      [
        'need-shared-high',
        'need-shared-low',
        'need-served',
        'need-in-mvp',
        'need-declined',
      ],
    ],
    [
      { statuses: ['open'] as RegisteredNeed['status'][] },
      [
        'need-shared-high',
        'need-shared-low',
        'need-low',
        'need-declined',
        'need-served',
        'need-in-mvp',
      ],
    ],
  ])('orders %j as %j', (options, expected) => {
    expect(rankNeeds(needs, options).map(n => n.id)).toEqual(expected);
  });
});

async function renderPicker(
  props: Record<string, unknown> = {},
  listNeeds: () => Promise<RegisteredNeed[]> = async () => needs,
) {
  const onChange = jest.fn();
  const view = await renderInTestApp(
    <TestApiProvider apis={[[needsDiscoveryApiRef, { listNeeds } as any]]}>
      <NeedPicker
        {...({
          onChange,
          schema: { title: 'Need to serve' },
          uiSchema: {},
          idSchema: { $id: 'need' },
          rawErrors: [],
          required: true,
          formData: undefined,
          ...props,
        } as any)}
      />
    </TestApiProvider>,
  );
  return { onChange, ...view };
}

describe('NeedPicker', () => {
  it('lists open needs first, marks the served and in-MVP ones with their capability, and stores the picked id', async () => {
    const { onChange } = await renderPicker();
    fireEvent.mouseDown(screen.getByRole('textbox'));
    await waitFor(() =>
      expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
        expect.stringContaining('Title of need-shared-high'),
        expect.stringContaining('Title of need-shared-low'),
        expect.stringContaining('Title of need-low'),
        expect.stringMatching(/Title of need-served.*Served by Log Shipping/),
        expect.stringMatching(
          /Title of need-in-mvp.*In MVP: Preview Environments/,
        ),
        expect.stringMatching(/Title of need-declined.*Declined/),
      ]),
    );
    expect(screen.getByText('Open needs')).toBeInTheDocument();
    expect(screen.getByText('Already served or in an MVP')).toBeInTheDocument();
    const options = screen.getAllByRole('option');
    expect(options[0]).toHaveAttribute('aria-disabled', 'false');
    expect(options[4]).toHaveAttribute('aria-disabled', 'false');
    expect(options[5]).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(screen.getByText('Title of need-shared-high'));
    expect(onChange).toHaveBeenCalledWith('need-shared-high');
  });

  it('warns, naming the capability, when the picked need is already in an MVP', async () => {
    await renderPicker({ formData: 'need-in-mvp' });
    expect(
      await screen.findByText(
        /This need is already in the MVP of Preview Environments: the MVP scope step refuses it unless you start a second MVP on purpose/,
      ),
    ).toBeInTheDocument();
  });

  it('warns when the picked need is already served', async () => {
    await renderPicker({ formData: 'need-served' });
    expect(
      await screen.findByText(/Log Shipping already serves this need/),
    ).toBeInTheDocument();
  });

  it('disables served and in-MVP needs when only open ones may be picked', async () => {
    await renderPicker({ uiSchema: { 'ui:options': { statuses: ['open'] } } });
    fireEvent.mouseDown(screen.getByRole('textbox'));
    const served = await screen.findByText('Title of need-served');
    expect(served.closest('[role="option"]')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByText('Not offered')).toBeInTheDocument();
    expect(screen.getByText('Served by Log Shipping')).toBeInTheDocument();
  });

  it('says so when needs-discovery cannot be reached', async () => {
    await renderPicker({ schema: {} }, async () => {
      throw new Error('404 Not Found');
    });
    expect(
      await screen.findByText(/Could not load the needs from needs-discovery/),
    ).toBeInTheDocument();
  });
});
