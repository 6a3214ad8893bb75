/**
 * The data view: AG Grid's infinite row model pages rows from the backend in blocks, so a
 * 10-million-row dataset never sits in the renderer. Headers show name and label; a toggle switches
 * between codes and value labels; user-missing and system-missing cells are marked differently.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, GridReadyEvent, IDatasource, IGetRowsParams, IHeaderParams, ValueFormatterParams } from 'ag-grid-community';
import type { VariableMeta } from '../../shared/model/dataset';
import { invoke, toApiError } from '../api/client';
import { useProject } from '../state/project-context';
import { useNotice } from '../state/notice';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../i18n/format';
import { dateKind, formatSpssDate } from '../../shared/format/spss-date';
import { registerGridModules } from './grid-setup';
import { pageToRows, type GridRow } from './rows';

registerGridModules();

const BLOCK = 200;

function VarHeader(props: IHeaderParams & { meta: VariableMeta }) {
  return (
    <div className="var-header" title={props.meta.label ? `${props.meta.name}: ${props.meta.label}` : props.meta.name}>
      <span className="var-header-name">{props.meta.name}</span>
      <span className="var-header-label">{props.meta.label}</span>
    </div>
  );
}

export function DataView() {
  const { t, lang } = useI18n();
  const { dataset, info, version } = useProject();
  const { notify } = useNotice();
  const [labels, setLabels] = useState(false);
  const [goto, setGoto] = useState('');
  const labelsRef = useRef(labels);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const variables = useMemo(() => info?.variables ?? [], [info]);
  const order = useMemo(() => variables.map((v) => v.name), [variables]);

  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const rowCol: ColDef<GridRow> = {
      headerName: '#',
      colId: '__row',
      pinned: 'left',
      // Wide enough for the last row's number (10,000,000 needs eight digits).
      width: Math.max(64, 28 + 9 * String(info?.rows ?? 0).length),
      valueGetter: (p) => (p.data ? p.data.i + 1 : undefined),
      cellClass: 'cell-rownum',
      suppressMovable: true,
    };
    const cols = variables.map<ColDef<GridRow>>((meta, idx) => {
      // Dates and times are stored as SPSS seconds; shown as dates by their print format.
      const dates = meta.type === 'numeric' ? dateKind(meta.format?.type) : null;
      return {
        colId: meta.name,
        headerName: meta.name,
        headerComponent: VarHeader,
        headerComponentParams: { meta },
        width: meta.type === 'string' ? 180 : 120,
        valueGetter: (p) => p.data?.v[idx],
        valueFormatter: (p: ValueFormatterParams<GridRow>) => {
          const v = p.value as number | string | null | undefined;
          if (v === undefined) return '';
          if (v === null) return meta.type === 'string' ? '' : '.';
          if (typeof v !== 'number') return v;
          return dates ? formatSpssDate(v, dates, lang) : formatValue(lang, v);
        },
        cellClassRules: {
          'cell-user-missing': (p) => p.data?.m[idx] === 'u',
          'cell-sysmis': (p) => p.data?.m[idx] === 's',
          'cell-number': (p) => typeof p.data?.v[idx] === 'number',
        },
      };
    });
    return [rowCol, ...cols];
  }, [variables, lang, info?.rows]);

  const datasource = useMemo<IDatasource>(
    () => ({
      rowCount: undefined,
      getRows: (p: IGetRowsParams) => {
        if (!dataset) return p.failCallback();
        invoke('dataset.rows', { dataset, start: p.startRow, count: Math.max(1, p.endRow - p.startRow), labels: labelsRef.current })
          .then((page) => p.successCallback(pageToRows(page, order), page.total))
          .catch((e) => {
            notify(toApiError(e).message, 'error');
            p.failCallback();
          });
      },
    }),
    // version: refetch after metadata edits (labels, missing values) and undo/redo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataset, order, notify, version],
  );

  const onGridReady = useCallback((e: GridReadyEvent<GridRow>) => {
    apiRef.current = e.api;
  }, []);

  const toggleLabels = (on: boolean) => {
    labelsRef.current = on;
    setLabels(on);
    apiRef.current?.purgeInfiniteCache();
  };

  const goToRow = () => {
    const n = Number.parseInt(goto, 10);
    if (!Number.isFinite(n) || !info) return;
    apiRef.current?.ensureIndexVisible(Math.min(Math.max(n, 1), info.rows) - 1, 'top');
  };

  return (
    <section className="data-view">
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={labels} onChange={(e) => toggleLabels(e.target.checked)} data-testid="toggle-labels" />
          {t('data.showLabels')}
        </label>
        <label>
          {t('data.row')}
          <input
            className="goto-row"
            inputMode="numeric"
            value={goto}
            onChange={(e) => setGoto(e.target.value)}
            onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => e.key === 'Enter' && goToRow()}
            data-testid="goto-row"
          />
        </label>
        <span className="legend">
          <span className="swatch cell-user-missing">9</span> {t('data.legend.user')}
          <span className="swatch cell-sysmis">.</span> {t('data.legend.sys')}
        </span>
      </div>
      <div className="grid-wrap ag-theme-quartz" data-testid="data-grid">
        <AgGridReact<GridRow>
          theme="legacy"
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={columnDefs}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={50}
          infiniteInitialRowCount={info?.rows ?? 1}
          maxConcurrentDatasourceRequests={2}
          headerHeight={52}
          rowHeight={28}
          onGridReady={onGridReady}
          suppressDragLeaveHidesColumns
          defaultColDef={{ sortable: false, resizable: true }}
        />
      </div>
    </section>
  );
}
