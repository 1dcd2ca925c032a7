import { assert, eventually } from '../../scripts/checks.mjs';
import { guestToken } from '../../scripts/example-backend.mjs';
import { assertAccessible } from '../axe.mjs';
import { signInAsGuest } from '../signIn.mjs';

export const title =
  'the loop agrees: after an answer the results, the registry and the need picker show one score; a capability page shows the scorecard’s and habit-metrics’ team counts alike';

// The guest answers the open wave through the API (the needs spec answers it in the form), compares what the three
// places that show a need's score put on screen, then withdraws the answer, so the later specs find the survey
// unanswered and the registry back at the score it had.

const score = value => (value === null ? '–' : value.toFixed(2));

export default async function loopSpec({ page, baseUrl, screenshot }) {
  await signInAsGuest(page, baseUrl);
  const call = async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await guestToken(baseUrl)}`,
        ...(body && { 'Content-Type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    });
    assert(
      res.ok,
      `${method} ${path} answered ${res.status}: ${await res.clone().text()}`,
    );
    return res.status === 204 ? undefined : res.json();
  };

  // 1. The open wave, answered: every need rated, each required question given a plain answer.
  // The demo is seeded in the background after the backend starts.
  const open = await eventually(async () => {
    const surveys = await call('GET', '/api/needs-discovery/surveys');
    const found = surveys.items.find(s => s.status === 'open');
    assert(found, 'the example has no open survey');
    return found;
  }, 60_000);
  const survey = await call(
    'GET',
    `/api/needs-discovery/surveys/${encodeURIComponent(open.id)}`,
  );
  const needs = survey.definition?.needs ?? survey.needs;
  const questions = survey.definition?.questions ?? survey.questions;
  const answers = {};
  for (const q of questions) {
    if (q.type === 'need-rating') {
      answers[q.id] = Object.fromEntries(
        needs.map(n => [n.id, { pain: 5, frequency: 'daily' }]),
      );
    } else if (!q.required) {
      continue;
    } else if (q.type === 'single-choice') answers[q.id] = q.options[0];
    else if (q.type === 'multi-choice') answers[q.id] = [q.options[0]];
    else if (q.type === 'ranking') answers[q.id] = needs.map(n => n.id);
    else if (q.type === 'nps') answers[q.id] = 8;
    else if (q.type === 'free-text') answers[q.id] = 'Faster previews.';
  }
  const myResponse = `/api/needs-discovery/surveys/${encodeURIComponent(
    open.id,
  )}/responses/me`;
  await call('PUT', myResponse, { answers });

  try {
    // 2. The results and the registry agree right after the answer, need by need.
    const results = await call(
      'GET',
      `/api/needs-discovery/surveys/${encodeURIComponent(open.id)}/results`,
    );
    const registry = await call('GET', '/api/needs-discovery/needs');
    const registered = registry.items ?? registry.needs ?? registry;
    const fromThisWave = registered.filter(n => n.latestSurveyId === open.id);
    assert(fromThisWave.length > 0, `no need's latest wave is ${open.id}`);
    for (const need of fromThisWave) {
      const result = results.needs.find(r => r.needId === need.id);
      assert(
        result && result.priorityScore === need.latestScore,
        `${need.id}: the registry's score ${need.latestScore} is not the results' ${result?.priorityScore}`,
      );
    }
    const shown = results.needs
      .filter(n => n.priorityScore !== null && !n.suppressed)
      .sort((a, b) => b.priorityScore - a.priorityScore)[0];
    assert(shown, 'the open wave has no need with a score');

    // 3. On screen: the results page, the registry tab and the MVP template's need picker show that score.
    await page.goto(
      `${baseUrl}/needs/surveys/${encodeURIComponent(open.id)}/results`,
    );
    await page
      .getByText(/priority score/i)
      .first()
      .waitFor();
    const resultsText = await page.locator('main').innerText();
    assert(
      resultsText.includes(shown.title) &&
        resultsText.includes(score(shown.priorityScore)),
      `the results page does not show ${shown.title} at ${score(
        shown.priorityScore,
      )}`,
    );

    await page.goto(`${baseUrl}/needs/registry`);
    const row = page.getByRole('row').filter({ hasText: shown.title }).first();
    await row.waitFor();
    await eventually(async () => {
      const text = await row.innerText();
      assert(
        text.includes(score(shown.priorityScore)),
        `the registry row of ${shown.title} shows "${text.replace(
          /\s+/g,
          ' ',
        )}", not the score ${score(shown.priorityScore)}`,
      );
    }, 10_000);
    await screenshot('loop-registry');
    await assertAccessible(page, 'loop-registry');

    await page.goto(
      `${baseUrl}/create/templates/default/platform-capability-mvp`,
    );
    const needField = page.getByRole('textbox', { name: /need/i }).first();
    await needField.waitFor();
    await needField.click();
    const option = page
      .getByRole('option')
      .filter({ hasText: shown.title })
      .first();
    await option.waitFor();
    const optionText = await option.innerText();
    assert(
      optionText.includes(`score ${shown.priorityScore}`),
      `the need picker shows "${optionText.replace(/\s+/g, ' ')}" for ${
        shown.title
      }, not score ${shown.priorityScore}`,
    );
    await page.keyboard.press('Escape');
  } finally {
    // Leave the survey unanswered for the specs after this one.
    await call('DELETE', myResponse);
  }

  // 4. After the withdrawal the registry follows again: the scores are the results' once more.
  const after = await call(
    'GET',
    `/api/needs-discovery/surveys/${encodeURIComponent(open.id)}/results`,
  );
  const registryAfter = await call('GET', '/api/needs-discovery/needs');
  for (const need of (
    registryAfter.items ??
    registryAfter.needs ??
    registryAfter
  ).filter(n => n.latestSurveyId === open.id)) {
    const result = after.needs.find(r => r.needId === need.id);
    assert(
      result && result.priorityScore === need.latestScore,
      `after the withdrawal ${need.id}: the registry keeps ${need.latestScore}, the results say ${result?.priorityScore}`,
    );
  }

  // 5. A capability page: the scorecard's card and habit-metrics' card say "N of M product teams" alike, and the
  //    scorecard API has the same N and M.
  // The first scorecard may predate the habit-metrics demo, which is seeded in the background: refresh until the
  // scorecard has habit-metrics' figures.
  const adopted = await eventually(async () => {
    const scorecard = await call('GET', '/api/thinness-scorecard/scorecard');
    const found = scorecard.capabilities.find(
      c => c.consumers.source === 'habit-metrics' && c.consumers.count > 0,
    );
    if (!found) {
      await call('POST', '/api/thinness-scorecard/refresh', {});
    }
    assert(found, 'no capability has adopters from habit-metrics');
    return found;
  }, 120_000);
  const { count, productTeams } = adopted.consumers;
  const [kind, rest] = adopted.entityRef.split(':');
  const [namespace, name] = rest.split('/');
  await page.goto(`${baseUrl}/catalog/${namespace}/${kind}/${name}`);
  await page
    .getByText(/of \d+ product teams/)
    .first()
    .waitFor({ timeout: 30_000 });
  await screenshot('loop-capability-entity');
  await eventually(async () => {
    const text = await page.locator('main').innerText();
    const counts = [...text.matchAll(/(\d+) of (\d+) product teams/g)].map(
      m => `${m[1]} of ${m[2]}`,
    );
    assert(
      counts.length >= 2,
      `the capability page shows ${counts.length} "N of M product teams" figures, expected the scorecard's and habit-metrics' cards`,
    );
    assert(
      counts.every(c => c === `${count} of ${productTeams}`),
      `the capability page shows ${counts.join(
        ', ',
      )}; the scorecard API says ${count} of ${productTeams}`,
    );
  }, 20_000);
  await assertAccessible(page, 'loop-capability-entity');

  // 6. The registry knows which capability serves each need: every capability of the scorecard that names a need
  //    makes that need no longer open, with the capability next to it (the catalog scan runs every minute), and the
  //    scorecard's need status is the registry's.
  await eventually(
    async () => {
      // The scorecard reads the registry when it is computed: recompute it from the registry as it is now.
      await call('POST', '/api/thinness-scorecard/refresh', {});
      const scorecard = await call('GET', '/api/thinness-scorecard/scorecard');
      const registry = (await call('GET', '/api/needs-discovery/needs')).items;
      for (const capability of scorecard.capabilities.filter(c => c.need)) {
        const need = registry.find(n => n.id === capability.need.id);
        if (!need) continue; // a need no survey has rated is not in the registry
        assert(
          need.status !== 'open' && need.capabilityRef,
          `the registry shows ${need.id} as ${need.status}, though ${capability.entityRef} serves it`,
        );
        assert(
          capability.need.status === need.status,
          `${capability.entityRef}: the scorecard says its need ${need.id} is ${capability.need.status}, the registry ${need.status}`,
        );
      }
    },
    150_000,
    10_000,
  );
}
