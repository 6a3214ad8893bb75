/**
 * A layered crosstab in the table builder: a tab list to choose the layer (or the total over the
 * layers), each drawn from the same display model the export writes. Arrow keys, Home and End move
 * between tabs, as in the WAI-ARIA tabs pattern.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LayeredCrosstab } from '../../shared/engine/layer-result';
import type { TableModel } from '../../shared/format/table-model';
import { useI18n } from '../i18n/i18n';
import { TableView } from './TableView';

interface Props {
  layered: LayeredCrosstab;
  /** One model per layer, then the total's (or its withheld note): layeredModels() order. */
  models: TableModel[];
  pair: string;
}

export function LayeredResult({ layered, models, pair }: Props) {
  const { t } = useI18n();
  const [active, setActive] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();
  const names = [...layered.layers.map((l) => l.label), t(layered.overlapping ? 'tb.setLayerTotal' : 'tb.layerTotal')];
  const current = Math.min(active, names.length - 1);
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
  const isTotal = current === layered.layers.length;
  const table = isTotal ? layered.total : layered.layers[current]?.table;
  return (
    <section className="layered" data-testid="layered" data-row-var={layered.rowVariable} data-col-var={layered.colVariable}>
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
            data-layer={k < layered.layers.length ? String(layered.layers[k].code) : 'total'}
            onClick={() => setActive(k)}
          >
            {name}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${current}`}>
        <TableView
          model={models[current]}
          rules={table?.rules}
          testId={table ? 'layer-table' : 'layer-total-withheld'}
          dataAttrs={{ 'data-layer': isTotal ? 'total' : String(layered.layers[current].code) }}
        />
      </div>
    </section>
  );
}
