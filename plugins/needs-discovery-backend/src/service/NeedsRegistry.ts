import {
  deriveNeedStatus,
  latestNeedFigures,
  NeedStatus,
  RegisteredNeed,
  Survey,
  SurveyResults,
} from '@platform-product/plugin-needs-discovery-common';
import { NeedsStore } from '../database/NeedsStore';
import { ResultsService } from './ResultsService';

/**
 * The needs registry as the routes and the other plugins see it. Each read combines:
 *
 * - the status and capability stored by `PATCH /needs/{id}` (mvp:launch, platform owners) with the catalog's
 *   capabilities naming the need (the scheduled catalog scan), through deriveNeedStatus in -common, on today's date;
 * - the figures of the need's latest survey results, from the same cached results the results route serves
 *   (latestNeedFigures in -common), so the registry and the results never disagree, also right after an answer.
 */
export class NeedsRegistry {
  constructor(
    private readonly options: {
      store: NeedsStore;
      results: ResultsService;
      /** The clock; tests fix it. */
      now?: () => Date;
    },
  ) {}

  async listNeeds(): Promise<RegisteredNeed[]> {
    return this.complete(await this.options.store.listNeeds());
  }

  async getNeed(id: string): Promise<RegisteredNeed | undefined> {
    const need = await this.options.store.getNeed(id);
    return need ? (await this.complete([need]))[0] : undefined;
  }

  async updateNeed(
    id: string,
    patch: { status: NeedStatus; capabilityRef?: string | null },
  ): Promise<RegisteredNeed | undefined> {
    const need = await this.options.store.updateNeed(id, patch);
    return need ? (await this.complete([need]))[0] : undefined;
  }

  private async complete(needs: RegisteredNeed[]): Promise<RegisteredNeed[]> {
    if (needs.length === 0) return [];
    const { store, results } = this.options;
    const now = this.options.now?.() ?? new Date();
    const [capabilities, surveys] = await Promise.all([
      store.listCatalogCapabilities(
        needs.length === 1 ? [needs[0].id] : undefined,
      ),
      store.listSurveys({ statuses: ['open', 'closed'] }),
    ]);
    // One computation (or cache check) per survey for the whole read.
    const read = new Map<string, Promise<SurveyResults>>();
    const resultsOf = (survey: Survey) => {
      let pending = read.get(survey.id);
      if (!pending) {
        pending = results.getResults(survey);
        read.set(survey.id, pending);
      }
      return pending;
    };
    return Promise.all(
      needs.map(async need => {
        const status = deriveNeedStatus({
          needId: need.id,
          recorded: { status: need.status, capabilityRef: need.capabilityRef },
          capabilities,
          now,
        });
        const figures = await latestNeedFigures(need.id, surveys, resultsOf);
        return {
          ...need,
          ...figures,
          status: status.status,
          capabilityRef: status.capabilityRef,
          ...(status.capabilityTitle
            ? { capabilityTitle: status.capabilityTitle }
            : {}),
          statusSource: status.source,
        };
      }),
    );
  }
}
