import {
  SurveyDefinition,
  parseSurveyYaml,
} from '@platform-product/plugin-needs-discovery-common';

/**
 * Reads a survey written as YAML (the format of examples/surveys) into the
 * builder, with the same validation the server applies, so every problem is
 * listed before anything is saved.
 */
export function importSurveyYaml(
  text: string,
): { definition: SurveyDefinition; errors?: undefined } | { errors: string[] } {
  const { value, errors } = parseSurveyYaml(text);
  if (!value || errors.length > 0) {
    return {
      errors: errors.length > 0 ? errors : ['The YAML holds no survey.'],
    };
  }
  return { definition: value };
}
