/**
 * The waves a book compares: which variable tells the waves apart, this wave (the tables) and the
 * previous one (the trend column with its markers). Codes are chosen by their value labels.
 */
import type { BookSpec } from '../../shared/book/book';
import type { VariableMeta } from '../../shared/model/dataset';
import { useI18n } from '../i18n/i18n';
import type { DraftIssue } from './draft';
import { FieldIssues } from './FieldIssues';

export interface WavesSettingsProps {
  spec: BookSpec;
  onChange(spec: BookSpec): void;
  variables: VariableMeta[];
  issues: Map<string, DraftIssue[]>;
}

/** A code back in the type the data has (numeric codes are numbers in the spec). */
function codeOf(v: VariableMeta | undefined, key: string): string | number {
  return v?.type === 'numeric' && key.trim() !== '' && Number.isFinite(Number(key)) ? Number(key) : key;
}

export function WavesSettings({ spec, onChange, variables, issues }: WavesSettingsProps) {
  const { t } = useI18n();
  const cmp = spec.comparison;
  const candidates = variables.filter((v) => v.measure !== 'scale' && Object.keys(v.valueLabels).length > 0);
  const waveVar = cmp ? variables.find((v) => v.name.toLowerCase() === cmp.variable.toLowerCase()) : undefined;
  const codes = waveVar ? Object.entries(waveVar.valueLabels) : [];

  const enable = (on: boolean) => {
    if (!on) {
      const { comparison: _c, trend: _t, ...rest } = spec;
      return onChange(rest);
    }
    const v = candidates.find((x) => /golf|wave|jaar|year/i.test(x.name)) ?? candidates[0];
    if (!v) return;
    const keys = Object.keys(v.valueLabels);
    const current = keys[keys.length - 1];
    const previous = keys[Math.max(0, keys.length - 2)];
    onChange({ ...spec, comparison: { variable: v.name, current: codeOf(v, current), previous: codeOf(v, previous) } });
  };
  const setVar = (name: string) => {
    const v = variables.find((x) => x.name === name);
    if (!v) return;
    const keys = Object.keys(v.valueLabels);
    onChange({
      ...spec,
      comparison: { variable: v.name, current: codeOf(v, keys[keys.length - 1] ?? ''), previous: codeOf(v, keys[Math.max(0, keys.length - 2)] ?? '') },
    });
  };
  const codeSelect = (which: 'current' | 'previous', label: string) =>
    cmp && (
      <label>
        {label}{' '}
        <select
          value={String(cmp[which])}
          onChange={(e) => onChange({ ...spec, comparison: { ...cmp, [which]: codeOf(waveVar, e.target.value) } })}
          data-testid={`bk-wave-${which}`}
        >
          {!codes.some(([k]) => k === String(cmp[which])) && <option value={String(cmp[which])}>{String(cmp[which])}</option>}
          {codes.map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
      </label>
    );

  return (
    <fieldset className="book-fieldset">
      <legend>{t('bk.waves')}</legend>
      <label className="check">
        <input type="checkbox" checked={!!cmp} disabled={candidates.length === 0} onChange={(e) => enable(e.target.checked)} data-testid="bk-waves" />
        {t('bk.wavesOn')}
      </label>
      {cmp && (
        <div className="settings-rows">
          <label>
            {t('bk.waveVariable')}{' '}
            <select value={waveVar?.name ?? cmp.variable} onChange={(e) => setVar(e.target.value)} data-testid="bk-wave-var">
              {!waveVar && <option value={cmp.variable}>{cmp.variable}</option>}
              {candidates.map((v) => (
                <option key={v.name} value={v.name}>
                  {v.label || v.name}
                </option>
              ))}
            </select>
          </label>
          {codeSelect('current', t('bk.waveCurrent'))}
          <FieldIssues issues={issues.get('comparison')} testId="bk-issues-comparison" />
          <label className="check">
            <input
              type="checkbox"
              checked={!!spec.trend?.enabled}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? { ...spec, trend: { enabled: true, markers: spec.trend?.markers ?? { up: '▲', down: '▼' } } }
                    : { ...spec, trend: undefined },
                )
              }
              data-testid="bk-trend"
            />
            {t('bk.trend')}
          </label>
          {spec.trend?.enabled && codeSelect('previous', t('bk.wavePrevious'))}
          {spec.trend?.enabled && (
            <span className="inline-fields">
              {t('bk.markers')}
              <input
                className="symbol-input"
                aria-label={t('bk.markerUp')}
                value={spec.trend.markers.up}
                maxLength={3}
                onChange={(e) => onChange({ ...spec, trend: { ...spec.trend!, markers: { ...spec.trend!.markers, up: e.target.value } } })}
              />
              <input
                className="symbol-input"
                aria-label={t('bk.markerDown')}
                value={spec.trend.markers.down}
                maxLength={3}
                onChange={(e) => onChange({ ...spec, trend: { ...spec.trend!, markers: { ...spec.trend!.markers, down: e.target.value } } })}
              />
            </span>
          )}
        </div>
      )}
      <FieldIssues issues={issues.get('trend')} testId="bk-issues-trend" />
    </fieldset>
  );
}
