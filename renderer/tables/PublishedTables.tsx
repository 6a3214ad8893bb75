/**
 * The tables of one table query as the route returned them (shared/analysis/table-group.ts), each
 * drawn from the display model every export writes (shared/format/render-tables.ts screenModels):
 * banners with the override dialog, layered tables with their tabs, blocked tables with why.
 */
import type { TableGroupResult } from '../../shared/analysis/table-group';
import { screenModels } from '../../shared/format/render-tables';
import type { DisclosureSummary } from '../../shared/model/results';
import type { TableDisplay, TableQuery } from '../../shared/query/table-query';
import { LayeredResult } from './LayeredResults';
import { ReleasableBanner } from './ReleasableBanner';
import { TableView } from './TableView';

export interface PublishedTablesProps {
  query: TableQuery;
  group: TableGroupResult;
  display: TableDisplay;
  labelOf(name: string): string;
}

export function PublishedTables({ query, group, display, labelOf }: PublishedTablesProps) {
  return (
    <>
      {group.tables.map((t) => {
        const models = screenModels(t, query, display, { variableLabel: labelOf });
        if (t.layered) {
          let at = 0;
          return t.layered.map((l) => {
            const n = l.layers.length + 1;
            const ms = models.slice(at, at + n);
            at += n;
            return <LayeredResult key={`${t.variable}|${l.colVariable}`} layered={l} models={ms} pair={`${t.label} × ${labelOf(l.colVariable)}`} />;
          });
        }
        if (t.result) return <ReleasableBanner key={t.variable} query={query} table={t} model={models[0]} />;
        const rules: DisclosureSummary = { ruleSet: group.ruleSet, status: 'blocked', primary: 0, secondary: 0, reasons: [], messages: t.messages };
        return <TableView key={t.variable} model={models[0]} rules={rules} />;
      })}
    </>
  );
}
