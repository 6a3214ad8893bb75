/** A published banner table with the way to release suppressed cells (override dialog) attached. */
import { useMemo, useState } from 'react';
import type { PublishedTable } from '../../shared/analysis/table-group';
import type { TableModel } from '../../shared/format/table-model';
import type { TableQuery } from '../../shared/query/table-query';
import { OverrideDialog } from './OverrideDialog';
import { overrideTarget, releasableCells, type ReleasableCell } from './override-target';
import { TableView } from './TableView';

export interface ReleasableBannerProps {
  query: TableQuery;
  table: PublishedTable;
  model: TableModel;
}

export function ReleasableBanner({ query, table, model }: ReleasableBannerProps) {
  const [open, setOpen] = useState<{ cell?: ReleasableCell } | null>(null);
  const target = useMemo(() => overrideTarget(query, table.variable), [query, table.variable]);
  const result = table.result;
  // Overrides are per project rule set: a table under an explicitly chosen other set has none.
  const canRelease =
    !!result && !query.ruleSet && result.rules.ruleSet !== 'none' && (releasableCells(result).length > 0 || (result.rules.overrides?.length ?? 0) > 0);
  return (
    <>
      <TableView model={model} rules={result?.rules} onRelease={canRelease ? (cell) => setOpen({ cell }) : undefined} />
      {open && result && <OverrideDialog target={target} result={result} initial={open.cell} onClose={() => setOpen(null)} />}
    </>
  );
}
