/**
 * Everything wrong with the book being edited, by the field where it is set: the editor's own checks
 * (draft.ts), the schema the backend and the CLI read, the house style, and `book.check` against the
 * dataset being worked on (missing variables, waves not in the data, a filter that no longer parses).
 */
import { useMemo } from 'react';
import type { BookSpec } from '../../shared/book/book';
import type { VariableMeta } from '../../shared/model/dataset';
import type { RuleSet } from '../../shared/disclosure/rules';
import { useLiveCall } from '../api/useLiveCall';
import { useI18n } from '../i18n/i18n';
import type { FilterStatus } from '../tables/useFilterCheck';
import { draftIssues, missingVariables, problemField, schemaIssues, type DraftIssue } from './draft';
import { problemText } from './problems';

export interface BookChecks {
  byField: Map<string, DraftIssue[]>;
  /** Errors anywhere (a book with errors is neither previewed nor run). */
  errors: number;
  /** The schema accepts the book. */
  valid: boolean;
  /** Lower-cased names of variables the dataset lacks. */
  missing: Set<string>;
  checking: boolean;
}

export function useBookChecks(
  spec: BookSpec,
  dataset: string,
  variables: VariableMeta[],
  filter: FilterStatus,
  styles: string[] | null,
  projectRules: RuleSet | null,
  version: number,
): BookChecks {
  const { t } = useI18n();
  const schema = useMemo(() => schemaIssues(spec), [spec]);
  const local = useMemo(() => draftIssues(spec, variables, projectRules), [spec, variables, projectRules]);
  const valid = schema.length === 0;
  const check = useLiveCall('book.check', valid && dataset ? { dataset, spec } : null, 250, version);

  return useMemo(() => {
    const problems = check.result ?? [];
    const fromCheck: DraftIssue[] = problems
      // The live filter check says the same, with a caret under the spot.
      .filter((p) => !(p.kind === 'filter-invalid' && filter.state === 'error'))
      .map((p) => ({
        field: problemField(p),
        message: problemText(p, { t, dataset, variables, spec }),
        severity: p.fatal ? ('error' as const) : ('warning' as const),
        ...(p.variable ? { variables: [p.variable] } : {}),
      }));
    const localFields = new Set(local.filter((i) => i.severity === 'error').map((i) => i.field));
    const all: DraftIssue[] = [
      ...local,
      ...schema.filter((i) => !localFields.has(i.field)),
      ...(styles && !styles.includes(spec.style)
        ? [{ field: 'style' as const, key: 'bk.err.style', params: { name: spec.style }, severity: 'error' as const }]
        : []),
      ...fromCheck,
    ];
    const byField = new Map<string, DraftIssue[]>();
    for (const i of all) byField.set(i.field, [...(byField.get(i.field) ?? []), i]);
    const errors = all.filter((i) => i.severity === 'error').length + (filter.state === 'error' ? 1 : 0);
    return { byField, errors, valid, missing: missingVariables(problems), checking: check.pending };
  }, [check.result, check.pending, local, schema, styles, spec, filter.state, t, dataset, variables, valid]);
}
