/**
 * The reader settings a user can change after seeing the preview: for text files the encoding,
 * delimiter, decimal sign and header line (shown as detected), for Excel the sheet and the row with
 * the variable names. Every change previews again, and the import uses the same settings.
 */
import type { ImportPreview as Preview, ReadOptions } from '../../shared/api/import';
import { useI18n } from '../i18n/i18n';

const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
const DELIMITERS = [',', ';', '\t', '|'] as const;
const DECIMALS = ['.', ','] as const;

export function ReadSettings({
  preview,
  options,
  onChange,
  disabled,
}: {
  preview: Preview;
  options: ReadOptions;
  onChange(o: ReadOptions): void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  if (preview.csv) {
    const detected = preview.csv.options as Partial<Record<keyof ReadOptions, unknown>>;
    const value = <K extends 'encoding' | 'delimiter' | 'decimal'>(k: K) => String(options[k] ?? detected[k] ?? '');
    const select = <K extends 'encoding' | 'delimiter' | 'decimal'>(k: K, choices: readonly string[], label: string) => (
      <label>
        {label}
        <select value={value(k)} disabled={disabled} data-testid={`import-opt-${k}`} onChange={(e) => onChange({ ...options, [k]: e.target.value })}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c === '\t' ? t('imp.tab') : c}
            </option>
          ))}
        </select>
      </label>
    );
    return (
      <fieldset className="import-settings" data-testid="import-settings">
        <legend>{t('imp.settings')}</legend>
        {select('encoding', ENCODINGS, t('imp.opt.encoding'))}
        {select('delimiter', DELIMITERS, t('imp.opt.delimiter'))}
        {select('decimal', DECIMALS, t('imp.opt.decimal'))}
        <label>
          <input
            type="checkbox"
            checked={Boolean(options.header ?? detected.header)}
            disabled={disabled}
            data-testid="import-opt-header"
            onChange={(e) => onChange({ ...options, header: e.target.checked })}
          />
          {t('imp.opt.header')}
        </label>
      </fieldset>
    );
  }
  if (preview.sheets && preview.sheets.length > 0) {
    return (
      <fieldset className="import-settings" data-testid="import-settings">
        <legend>{t('imp.settings')}</legend>
        <label>
          {t('imp.opt.sheet')}
          <select
            value={String(options.sheet ?? preview.sheets[0])}
            disabled={disabled}
            data-testid="import-opt-sheet"
            onChange={(e) => onChange({ ...options, sheet: e.target.value })}
          >
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('imp.opt.headerRow')}
          <input
            type="number"
            min={0}
            max={1000}
            value={options.headerRow ?? 1}
            disabled={disabled}
            data-testid="import-opt-headerRow"
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 0 && n <= 1000) onChange({ ...options, headerRow: n });
            }}
          />
        </label>
      </fieldset>
    );
  }
  return null;
}
