import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { normalizeGroupRef } from '@platform-product/plugin-needs-discovery-common';
import { Key } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** `checkout` or `group:checkout` → `group:default/checkout`, the form the server stores; undefined for anything else. */
export function toGroupRef(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) {
    return undefined;
  }
  return normalizeGroupRef(
    trimmed.includes(':') ? trimmed : `group:${trimmed}`,
  );
}

function displayNameOf(entity: Entity): string {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  return profile.displayName ?? entity.metadata.title ?? entity.metadata.name;
}

/**
 * Audience as Group entity refs: suggestions come from the catalog, and any
 * ref can still be typed (the catalog may be unreachable, or the group new).
 */
export function AudiencePicker(props: {
  value: string[];
  onChange: (refs: string[]) => void;
  disabled?: boolean;
}) {
  const { value, onChange, disabled } = props;
  const catalogApi = useApi(catalogApiRef);
  const groups = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return new Map(
      response.items.map(entity => [
        // Lowercased like the refs the server stores, so picked options match saved ones.
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        displayNameOf(entity),
      ]),
    );
  }, [catalogApi]);
  const names = groups.value ?? new Map<string, string>();

  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      options={[...names.keys()]}
      value={value}
      disabled={disabled}
      loading={groups.loading}
      filterSelectedOptions
      getOptionLabel={ref =>
        names.has(ref) ? `${names.get(ref)} (${ref})` : ref
      }
      onChange={(_event, refs) => {
        const normalized = refs
          .map(ref => toGroupRef(ref))
          .filter((ref): ref is string => Boolean(ref));
        onChange([...new Set(normalized)]);
      }}
      renderTags={(refs, getTagProps) =>
        refs.map((ref, index) => {
          // The tag props carry the key; React warns when a key arrives through a spread.
          const { key, ...tagProps } = getTagProps({ index }) as { key: Key };
          return (
            <Chip
              key={key}
              size="small"
              label={names.get(ref) ?? ref}
              title={ref}
              {...tagProps}
            />
          );
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label="Audience"
          placeholder={value.length === 0 ? 'Everyone — or pick teams' : ''}
          helperText={
            groups.error
              ? 'Could not load groups from the catalog; type refs like group:default/checkout and press Enter.'
              : 'Groups whose members are asked. Leave empty to ask everyone.'
          }
        />
      )}
    />
  );
}
