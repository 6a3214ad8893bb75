/**
 * Charts of a question by a grouping variable in the house style, drawn by the backend (the same
 * renderer as the CLI and the tabellenboek) and shown as an image; saved as SVG or 300-dpi PNG.
 */
import { useMemo } from 'react';
import type { Request } from '../../shared/api';
import { chartTypes, type ChartType } from '../../shared/chart/spec';
import { invoke, toApiError } from '../api/client';
import { useLiveCall } from '../api/useLiveCall';
import { useNotice } from '../state/notice';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { ErrorBox } from '../components/ErrorBox';
import { Progress } from '../components/Progress';
import { RadioGroup } from '../components/RadioGroup';
import { VariableSelect } from '../components/VariableSelect';
import { WeightPicker } from '../components/WeightPicker';
import type { WeightType } from '../../shared/model/results';
import { useI18n } from '../i18n/i18n';
import { DisclosureBadge } from '../components/DisclosureBadge';
import { base64ToBytes, downloadBlob } from '../components/download';

interface ChartState {
  row: string;
  col: string;
  type: ChartType;
  orientation: 'horizontal' | 'vertical';
  value: 'colPct' | 'rowPct' | 'count' | 'weighted';
  weight: string;
  weightType: WeightType;
}

const initial: ChartState = { row: '', col: '', type: 'bar', orientation: 'horizontal', value: 'colPct', weight: '', weightType: 'sampling' };
const VALUES = ['colPct', 'rowPct', 'count', 'weighted'] as const;

export function ChartView() {
  const { t, lang } = useI18n();
  const { notify } = useNotice();
  const { dataset, info } = useProject();
  const ds = dataset ?? '';
  const [s, setS] = useSessionState<ChartState>(`duiding.chart.${ds}`, initial);
  const set = <K extends keyof ChartState>(k: K, v: ChartState[K]) => setS((x) => ({ ...x, [k]: v }));
  const variables = useMemo(() => info?.variables ?? [], [info]);
  const categorical = variables.filter((v) => v.measure !== 'scale');

  const request = (format: 'svg' | 'png', dpi: number): Request<'chart.render'> | null =>
    s.row && s.col
      ? {
          dataset: ds,
          row: s.row,
          col: s.col,
          ...(s.weight ? { weight: { variable: s.weight, type: s.weightType } } : {}),
          spec: { type: s.type, orientation: s.orientation, value: s.value, locale: lang, dpi },
          format,
        }
      : null;
  const preview = useLiveCall('chart.render', request('png', 120));

  const save = async (format: 'svg' | 'png') => {
    const req = request(format, 300);
    if (!req) return;
    try {
      const out = await invoke('chart.render', { ...req, purpose: 'export' });
      const name = `${s.row}-${s.col}.${format}`;
      if (format === 'svg' && out.svg) downloadBlob(out.svg, 'image/svg+xml', name);
      if (format === 'png' && out.png) downloadBlob(base64ToBytes(out.png), 'image/png', name);
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };

  return (
    <section className="chart-view">
      <form className="regression-form" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          {t('ch.row')}
          <VariableSelect
            variables={categorical}
            sets={info?.mrSets ?? []}
            setsLabel={t('tb.set')}
            value={s.row}
            onChange={(v) => set('row', v)}
            emptyLabel={t('reg.choose')}
            testId="ch-row"
          />
        </label>
        <label className="field">
          {t('ch.col')}
          <VariableSelect variables={categorical} value={s.col} onChange={(v) => set('col', v)} emptyLabel={t('reg.choose')} testId="ch-col" />
        </label>
        <label className="field">
          {t('ch.type')}
          <select value={s.type} onChange={(e) => set('type', e.target.value as ChartType)} data-testid="ch-type">
            {chartTypes.map((c) => (
              <option key={c} value={c}>
                {t(`ch.type.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <RadioGroup
          legend={t('ch.orientation')}
          name="orientation"
          value={s.orientation}
          onChange={(v) => set('orientation', v)}
          options={[
            { value: 'horizontal', label: t('ch.horizontal') },
            { value: 'vertical', label: t('ch.vertical') },
          ]}
        />
        <RadioGroup
          legend={t('ch.value')}
          name="value"
          value={s.value}
          onChange={(v) => set('value', v)}
          options={VALUES.map((v) => ({ value: v, label: t(`ch.${v}`) }))}
        />
        <WeightPicker
          variables={variables}
          variable={s.weight}
          type={s.weightType}
          testId="ch-weight"
          onChange={(weight, weightType) => setS((x) => ({ ...x, weight, weightType }))}
        />
        <div className="add-buttons">
          <button type="button" disabled={!preview.result} onClick={() => void save('svg')}>
            {t('ch.saveSvg')}
          </button>
          <button type="button" disabled={!preview.result} onClick={() => void save('png')}>
            {t('ch.savePng')}
          </button>
        </div>
      </form>
      <div className="results chart-results">
        {!request('png', 120) && <p className="muted">{t('ch.need')}</p>}
        {preview.pending && <Progress label={t('ch.rendering')} onStop={preview.stop} stopLabel={t('tb.stop')} />}
        <ErrorBox error={preview.error} />
        {preview.result?.png && (
          <figure className="chart-figure" data-testid="chart">
            <figcaption className="banner-title">
              <DisclosureBadge rules={preview.result.rules} />
            </figcaption>
            <img src={`data:image/png;base64,${preview.result.png}`} alt={t('ch.alt', { row: s.row, col: s.col })} />
          </figure>
        )}
      </div>
    </section>
  );
}
