/**
 * The table builder: variable list on the left, Rows, Columns and Layers drop zones, options, and the
 * live result. Everything a mouse user can drag, a keyboard user can do with the "add to" and "nest"
 * buttons. Once a table is set the options fold into one summary line, so the table itself is in view.
 */
import { useMemo, useState } from 'react';
import { useLiveCall } from '../api/useLiveCall';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { ErrorBox } from '../components/ErrorBox';
import { Progress } from '../components/Progress';
import { useI18n } from '../i18n/i18n';
import { DropZone, type Chip } from './DropZone';
import { TableOptions } from './TableOptions';
import { SavedSpecs } from './SavedSpecs';
import { TableExport } from './TableExport';
import { AddToBook } from './AddToBook';
import { VariableList } from './VariableList';
import { PublishedTables } from './PublishedTables';
import { optionsSummary } from './options-summary';
import {
  addColumn,
  addLayer,
  addRow,
  columnLabel,
  emptySpec,
  isSetName,
  layersNeedColumns,
  nestColumn,
  removeColumn,
  removeLayer,
  removeRow,
  screenDisplay,
  tableQueryOf,
  type TableSpecState,
} from './spec';
import { useFilterCheck } from './useFilterCheck';

export function TableBuilder() {
  const { t, num, lang } = useI18n();
  const { dataset, info, version } = useProject();
  const ds = dataset ?? '';
  const [spec, setSpec] = useSessionState<TableSpecState>(`duiding.table.${ds}`, emptySpec);
  const [selected, setSelected] = useState<string | null>(null);
  // Open while no table is set; folded into its summary line once one is, unless the user opened it.
  const [optionsChoice, setOptionsChoice] = useState<boolean | null>(null);
  const optionsOpen = optionsChoice ?? spec.rows.length === 0;
  const variables = useMemo(() => info?.variables ?? [], [info]);
  const labelOf = (name: string) => variables.find((v) => v.name === name)?.label ?? info?.mrSets.find((m) => m.name === name)?.label ?? '';
  const filterStatus = useFilterCheck(ds, spec.filter);
  const filterReady = filterStatus.state === 'ok';
  const needsCols = layersNeedColumns(spec);
  const query = useMemo(
    () => (filterStatus.state === 'checking' || needsCols ? null : tableQueryOf(spec, ds, filterReady)),
    [spec, ds, filterReady, filterStatus.state, needsCols],
  );
  const display = useMemo(() => screenDisplay(lang), [lang]);
  // Rerun on project changes too (rules, overrides): same request, other output.
  const tables = useLiveCall('analysis.tables', query, 350, version);

  const rowChips: Chip[] = spec.rows.map((r) => ({ key: r, text: r, title: labelOf(r) }));
  const colChips: Chip[] = spec.columns.map((c, i) => ({
    key: columnLabel(c),
    text: columnLabel(c),
    ...('variable' in c ? { title: labelOf(c.variable) } : {}),
    extra:
      selected && 'variable' in c && c.variable !== selected && !isSetName(c.variable) && !isSetName(selected) ? (
        <button type="button" className="chip-nest" onClick={() => setSpec((s) => nestColumn(s, i, selected))}>
          {t('tb.nestInto', { name: selected, under: c.variable })}
        </button>
      ) : null,
  }));

  return (
    <section className="table-builder">
      <aside className="builder-side">
        <VariableList
          variables={variables}
          sets={info?.mrSets ?? []}
          selected={selected}
          onSelect={setSelected}
          onActivate={(n) => setSpec((s) => addRow(s, n))}
        />
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
        <SavedSpecs spec={spec} variableNames={[...variables.map((v) => v.name), ...(info?.mrSets ?? []).map((m) => m.name)]} onOpen={setSpec} />
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
        <details
          className="options-panel"
          open={optionsOpen}
          onToggle={(e) => {
            if (e.currentTarget.open !== optionsOpen) setOptionsChoice(e.currentTarget.open);
          }}
          data-testid="tb-options"
        >
          <summary>
            <span className="options-title">{t('tb.options')}</span>
            {!optionsOpen && (
              <span className="options-summary" data-testid="tb-options-summary">
                {optionsSummary(spec, t, num)}
              </span>
            )}
          </summary>
          <TableOptions spec={spec} variables={variables} filterStatus={filterStatus} onChange={setSpec} />
        </details>
        <div className="results" aria-busy={tables.pending} data-testid="results" data-pending={tables.pending ? 'true' : 'false'}>
          {spec.rows.length === 0 && <p className="muted">{t('tb.empty')}</p>}
          {needsCols && spec.rows.length > 0 && <p className="muted">{t('tb.layerNeedsCols')}</p>}
          {tables.pending && <Progress label={t('tb.computing')} onStop={tables.stop} stopLabel={t('tb.stop')} />}
          {tables.stopped && <p className="muted">{t('tb.stopped')}</p>}
          <ErrorBox error={tables.error} />
          {query && tables.result && (
            <>
              <div className="result-actions">
                <TableExport query={query} display={display} />
                <AddToBook query={query} labelOf={(n) => labelOf(n) || n} />
              </div>
              <PublishedTables query={query} group={tables.result} display={display} labelOf={(n) => labelOf(n) || n} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
