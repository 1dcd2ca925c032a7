import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { render, screen } from '@testing-library/react';
import { TeamNames } from '../components/shared';
import { mockEntityPresentationApi } from '../testUtils/fixtures';

const audience = [
  'group:default/checkout',
  'group:default/billing',
  'group:default/payments',
  'group:finance/ledger',
];

describe('useEntityTitles (through TeamNames)', () => {
  it('shows each team by its catalog title, falling back to its name', async () => {
    render(
      <TestApiProvider
        apis={[[entityPresentationApiRef, mockEntityPresentationApi()]]}
      >
        <p data-testid="names">
          <TeamNames refs={audience} />
        </p>
      </TestApiProvider>,
    );
    // A display name, a title, a Group the catalog gives no title (its name), another namespace.
    expect(
      await screen.findByText(
        'Checkout Squad, Billing & Invoicing, payments, finance/ledger',
      ),
    ).toBeInTheDocument();
  });

  it('shows short names without the entity presentation API', () => {
    render(
      <TestApiProvider apis={[]}>
        <p>
          <TeamNames refs={audience} />
        </p>
      </TestApiProvider>,
    );
    expect(
      screen.getByText('checkout, billing, payments, finance/ledger'),
    ).toBeInTheDocument();
  });
});
