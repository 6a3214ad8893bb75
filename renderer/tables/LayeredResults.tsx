/**
 * Layered crosstabs in the table builder: for each row × column pair one analysis.layers call, the
 * export buttons (all layers and the total, as shown), and a tab list to choose the layer (or the
 * total over layers). Arrow keys, Home and End
 * move between tabs, as in the WAI-ARIA tabs pattern.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Request } from '../../shared/api';
import { useLiveCall } from '../api/useLiveCall';
import { ErrorBox } from '../components/ErrorBox';
import { Progress } from '../components/Progress';
import { useI18n } from '../i18n/i18n';
import { LayerCrosstab } from './LayerCrosstab';
import { LayeredTableExport } from './TableExport';
import type { TableSpecState } from './spec';

interface Props {
  request: Request<'analysis.layers'>;
  stats: TableSpecState['stats'];
  labelOf(name: string): string;
}

function LayeredResult({ request, stats, labelOf }: Props) {
  const { t, msg } = useI18n();
  const call = useLiveCall('analysis.layers', request);
  const [active, setActive] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();
  const r = call.result;
  const names = r ? [...r.layers.map((l) => l.label), t('tb.layerTotal')] : [];
  const current = Math.min(active, Math.max(0, names.length - 1));
  const choose = (k: number) => {
    setActive(k);
    tabs.current[k]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const last = names.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? (current + 1) % names.length
        : e.key === 'ArrowLeft'
          ? (current + last) % names.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    e.preventDefault();
    choose(next);
  };
  const pair = `${labelOf(request.row) || request.row} × ${labelOf(request.col) || request.col}`;
  const isTotal = r !== null && current === r.layers.length;
  const table = r ? (isTotal ? r.total : r.layers[current]?.table) : null;
  return (
    <section className="layered" data-testid="layered" data-row-var={request.row} data-col-var={request.col}>
      {call.pending && <Progress label={t('tb.computing')} onStop={call.stop} stopLabel={t('tb.stop')} />}
      <ErrorBox error={call.error} />
      {r && (
        <>
          <LayeredTableExport request={request} stats={stats} pair={pair} />
          <div className="tabs layer-tabs" role="tablist" aria-label={`${t('tb.layerTabs')}: ${pair}`} onKeyDown={onKey}>
            {names.map((name, k) => (
              <button
                key={k}
                ref={(el) => {
                  tabs.current[k] = el;
                }}
                id={`${id}-tab-${k}`}
                type="button"
                role="tab"
                aria-selected={k === current}
                aria-controls={`${id}-panel`}
                tabIndex={k === current ? 0 : -1}
                className={k === current ? 'tab tab-active' : 'tab'}
                data-layer={k < r.layers.length ? String(r.layers[k].code) : 'total'}
                onClick={() => setActive(k)}
              >
                {name}
              </button>
            ))}
          </div>
          <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${current}`}>
            {table ? (
              <LayerCrosstab table={table} stats={stats} caption={t('tb.layerCaption', { pair, layer: names[current] })} />
            ) : (
              <p className="muted" data-testid="layer-total-withheld" title={r.totalWithheldMessage ? msg(r.totalWithheldMessage) : r.totalWithheld}>
                {t('tb.layerTotalWithheld')}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

export function LayeredResults({
  requests,
  stats,
  labelOf,
}: {
  requests: Request<'analysis.layers'>[];
  stats: TableSpecState['stats'];
  labelOf(name: string): string;
}) {
  const { t } = useI18n();
  if (requests.length === 0) return <p className="muted">{t('tb.layerNeedsCols')}</p>;
  return (
    <>
      {requests.map((req) => (
        <LayeredResult key={`${req.row}|${req.col}`} request={req} stats={stats} labelOf={labelOf} />
      ))}
    </>
  );
}
