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
  need('need-served', { status: 'served', shared: true, latestScore: 30 }),
];

describe('rankNeeds', () => {
  it.each([
    [{}, ['need-shared-high', 'need-shared-low', 'need-low']],
    [{ sharedOnly: true }, ['need-shared-high', 'need-shared-low']],
    [
      { statuses: ['open', 'served'] as RegisteredNeed['status'][] },
      ['need-served', 'need-shared-high', 'need-shared-low', 'need-low'],
    ],
  ])('orders %j as %j', (options, expected) => {
    expect(rankNeeds(needs, options).map(n => n.id)).toEqual(expected);
  });
});

describe('NeedPicker', () => {
  it('lists the ranked needs and stores the picked need id', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[[needsDiscoveryApiRef, { listNeeds: async () => needs } as any]]}
      >
        <NeedPicker
          {...({
            onChange,
            schema: { title: 'Need to serve' },
            uiSchema: {},
            idSchema: { $id: 'need' },
            rawErrors: [],
            required: true,
            formData: undefined,
          } as any)}
        />
      </TestApiProvider>,
    );
    fireEvent.mouseDown(screen.getByRole('textbox'));
    await waitFor(() =>
      expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
        expect.stringContaining('Title of need-shared-high'),
        expect.stringContaining('Title of need-shared-low'),
        expect.stringContaining('Title of need-low'),
      ]),
    );
    fireEvent.click(screen.getByText('Title of need-shared-high'));
    expect(onChange).toHaveBeenCalledWith('need-shared-high');
  });

  it('says so when needs-discovery cannot be reached', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            needsDiscoveryApiRef,
            {
              listNeeds: async () => {
                throw new Error('404 Not Found');
              },
            } as any,
          ],
        ]}
      >
        <NeedPicker
          {...({
            onChange: jest.fn(),
            schema: {},
            uiSchema: {},
            idSchema: { $id: 'need' },
            rawErrors: [],
          } as any)}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Could not load the needs from needs-discovery/),
    ).toBeInTheDocument();
  });
});
