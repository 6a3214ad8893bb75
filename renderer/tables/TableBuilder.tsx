/**
 * The table builder: variable list on the left, Rows and Columns drop zones, options, and the live
 * result. Everything a mouse user can drag, a keyboard user can do with the "add to" and "nest" buttons.
 */
import { useMemo, useState } from 'react';
import { useLiveCall } from '../api/useLiveCall';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { ErrorBox } from '../components/ErrorBox';
import { Progress } from '../components/Progress';
import { useI18n } from '../i18n/i18n';
import { ReleasableBanner } from './ReleasableBanner';
import { DropZone, type Chip } from './DropZone';
import { TableOptions } from './TableOptions';
import { SavedSpecs } from './SavedSpecs';
import { TableExport } from './TableExport';
import { ChiSquareNote } from './ChiSquareNote';
import { VariableList } from './VariableList';
import {
  addColumn,
  addLayer,
  addRow,
  bannerRequest,
  layerRequests,
  removeLayer,
  columnLabel,
  emptySpec,
  nestColumn,
  removeColumn,
  removeRow,
  type TableSpecState,
} from './spec';
import { useFilterCheck } from './useFilterCheck';
import { LayeredResults } from './LayeredResults';

export function TableBuilder() {
  const { t } = useI18n();
  const { dataset, info, version } = useProject();
  const ds = dataset ?? '';
  const [spec, setSpec] = useSessionState<TableSpecState>(`duiding.table.${ds}`, emptySpec);
  const [selected, setSelected] = useState<string | null>(null);
  const variables = useMemo(() => info?.variables ?? [], [info]);
  const labelOf = (name: string) => variables.find((v) => v.name === name)?.label ?? '';
  const filterStatus = useFilterCheck(ds, spec.filter);
  const filterReady = filterStatus.state === 'ok';
  const layered = (spec.layers ?? []).length > 0;
  const request = useMemo(
    () => (filterStatus.state === 'checking' || layered ? null : bannerRequest(spec, ds, filterReady)),
    [spec, ds, filterReady, filterStatus.state, layered],
  );
  // With layers the result is one layered crosstab per row × column pair instead of the banner.
  const layerReqs = useMemo(() => (filterStatus.state === 'checking' ? [] : layerRequests(spec, ds, filterReady)), [spec, ds, filterReady, filterStatus.state]);
  // Rerun on project changes too (rules, overrides): same request, other output.
  const banner = useLiveCall('analysis.banner', request, 350, version);

  const rowChips: Chip[] = spec.rows.map((r) => ({ key: r, text: r, title: labelOf(r) }));
  const colChips: Chip[] = spec.columns.map((c, i) => ({
    key: columnLabel(c),
    text: columnLabel(c),
    extra:
      selected && 'variable' in c && c.variable !== selected ? (
        <button type="button" className="chip-nest" onClick={() => setSpec((s) => nestColumn(s, i, selected))}>
          {t('tb.nestInto', { name: selected, under: c.variable })}
        </button>
      ) : null,
  }));

  return (
    <section className="table-builder">
      <aside className="builder-side">
        <VariableList variables={variables} selected={selected} onSelect={setSelected} onActivate={(n) => setSpec((s) => addRow(s, n))} />
        <div className="add-buttons">
          <button type="button" disabled={!selected} onClick={() => selected && setSpec((s) => addRow(s, selected))} data-testid="add-rows">
            {t('tb.addRows')}
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && setSpec((s) => addColumn(s, selected))} data-testid="add-cols">
            {t('tb.addCols')}
          </button>
          <button type="button" disabled={!selected} onClick={() => selected && setSpec((s) => addLayer(s, selected))} data-testid="add-layers">
            {t('tb.addLayers')}
          </button>
        </div>
      </aside>
      <div className="builder-main">
        <SavedSpecs spec={spec} variableNames={variables.map((v) => v.name)} onOpen={setSpec} />
        <div className="zones">
          <DropZone
            title={t('tb.rows')}
            chips={rowChips}
            testId="zone-rows"
            onDrop={(n) => setSpec((s) => addRow(s, n))}
            onRemove={(i) => setSpec((s) => removeRow(s, i))}
          />
          <DropZone
            title={t('tb.columns')}
            chips={colChips}
            testId="zone-cols"
            onDrop={(n) => setSpec((s) => addColumn(s, n))}
            onDropOnChip={(i, n) => setSpec((s) => nestColumn(s, i, n))}
            onRemove={(i) => setSpec((s) => removeColumn(s, i))}
          />
          <DropZone
            title={t('tb.layers')}
            chips={(spec.layers ?? []).map((l) => ({ key: l, text: l, title: labelOf(l) }))}
            testId="zone-layers"
            onDrop={(n) => setSpec((s) => addLayer(s, n))}
            onRemove={(i) => setSpec((s) => removeLayer(s, i))}
          />
        </div>
        <details className="options-panel" open>
          <summary>{t('tb.options')}</summary>
          <TableOptions spec={spec} variables={variables} filterStatus={filterStatus} onChange={setSpec} />
        </details>
        <div className="results" aria-busy={banner.pending} data-testid="results" data-pending={banner.pending ? 'true' : 'false'}>
          {spec.rows.length === 0 && <p className="muted">{t('tb.empty')}</p>}
          {banner.pending && <Progress label={t('tb.computing')} onStop={banner.stop} stopLabel={t('tb.stop')} />}
          {banner.stopped && <p className="muted">{t('tb.stopped')}</p>}
          <ErrorBox error={banner.error} />
          {layered && spec.rows.length > 0 && <LayeredResults requests={layerReqs} stats={spec.stats} labelOf={labelOf} />}
          {request && banner.result && <TableExport request={request} />}
          {request &&
            banner.result?.map((r) => (
              <div key={r.rowVariable.name}>
                <ReleasableBanner request={request} result={r} stats={spec.stats} varLabel={(n) => labelOf(n) || n} />
                {spec.tests.chi2 && (
                  <ChiSquareNote
                    base={{ dataset: ds, ...(request.weight ? { weight: request.weight } : {}), ...(request.filter ? { filter: request.filter } : {}) }}
                    row={r.rowVariable.name}
                    columns={spec.columns.flatMap((c) => ('variable' in c ? [c.variable] : []))}
                    labelOf={labelOf}
                  />
                )}
              </div>
            ))}
        </div>
      </div>
    </section>
  );
}
