/** A banner table with the way to release suppressed cells (override dialog) attached. */
import { useMemo, useState } from 'react';
import type { Request } from '../../shared/api';
import type { BannerResult } from '../../shared/model/results';
import { BannerTable } from './BannerTable';
import { OverrideDialog } from './OverrideDialog';
import { overrideTarget, releasableCells, type ReleasableCell } from './override-target';
import type { TableSpecState } from './spec';

export interface ReleasableBannerProps {
  request: Request<'analysis.banner'>;
  result: BannerResult;
  stats: TableSpecState['stats'];
  varLabel(name: string): string;
}

export function ReleasableBanner({ request, result, stats, varLabel }: ReleasableBannerProps) {
  const [open, setOpen] = useState<{ cell?: ReleasableCell } | null>(null);
  const target = useMemo(() => overrideTarget(request, result.rowVariable.name), [request, result.rowVariable.name]);
  // Overrides are per project rule set: a table under an explicitly chosen other set has none.
  const canRelease = !request.rules && result.rules.ruleSet !== 'none' && (releasableCells(result).length > 0 || (result.rules.overrides?.length ?? 0) > 0);
  return (
    <>
      <BannerTable result={result} stats={stats} varLabel={varLabel} onRelease={canRelease ? (cell) => setOpen({ cell }) : undefined} />
      {open && <OverrideDialog target={target} result={result} initial={open.cell} onClose={() => setOpen(null)} />}
    </>
  );
}
