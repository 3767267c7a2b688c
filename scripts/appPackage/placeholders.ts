/**
 * Fills Teams Toolkit's `${{NAME}}` placeholders in a parsed manifest. Values go
 * into string values of the parsed JSON, not into its text, so a value holding
 * a quote or a backslash cannot break the JSON.
 */

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A suffix such as " (dev)" is decoration: production has none. */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

export interface FilledTemplate {
  filled: unknown;
  /** Variables with no value (or an empty one), sorted, each once. */
  missing: string[];
  /** JSON paths of strings still holding `${{` after filling: a placeholder the pattern could not read. */
  malformed: string[];
}

export function fillPlaceholders(template: unknown, valueOf: (variable: string) => string | undefined): FilledTemplate {
  const missing = new Set<string>();
  const malformed: string[] = [];

  const fillString = (text: string, at: string): string => {
    const result = text.replace(PLACEHOLDER, (_placeholder, variable: string) => {
      const value = valueOf(variable);
      if ((value === undefined || value === '') && !MAY_BE_EMPTY.has(variable)) missing.add(variable);
      return value ?? '';
    });
    if (result.includes('${{')) malformed.push(at);
    return result;
  };

  const fill = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') return fillString(node, at);
    if (Array.isArray(node)) return node.map((item, index) => fill(item, `${at}/${index}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value, `${at}/${key}`)]));
    }
    return node;
  };

  const filled = fill(template, '');
  return { filled, missing: [...missing].sort(), malformed };
}
