/**
 * What `import.preview` found: for text files the detected settings, the columns with their inferred
 * types and the first rows; for SPSS, Stata and Excel the variables with type, label and value labels.
 */
import type { ImportPreview as Preview } from '../../shared/api/import';
import type { VariableMeta } from '../../shared/model/dataset';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

const SHOWN_ROWS = 20;
const SHOWN_VARIABLES = 200;

/** The detected CSV settings the dialog names; other option fields are shown under their own key. */
const OPTION_LABELS: Record<string, StringKey> = {
  encoding: 'imp.opt.encoding',
  delimiter: 'imp.opt.delimiter',
  decimal: 'imp.opt.decimal',
  header: 'imp.opt.header',
  quote: 'imp.opt.quote',
};

function optionText(key: string, v: unknown, t: (k: StringKey) => string): string {
  if (typeof v === 'boolean') return t(v ? 'imp.yes' : 'imp.no');
  if (key === 'delimiter' && v === '\t') return t('imp.tab');
  return String(v);
}

function CsvPreview({ csv }: { csv: NonNullable<Preview['csv']> }) {
  const { t } = useI18n();
  const shownOptions = Object.entries(csv.options).filter(([k]) => k in OPTION_LABELS);
  return (
    <>
      <dl className="import-options" data-testid="import-options">
        {shownOptions.map(([k, v]) => (
          <div key={k}>
            <dt>{t(OPTION_LABELS[k])}</dt>
            <dd data-option={k}>{optionText(k, v, t)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('imp.detected')}</p>
      <div className="import-rows">
        <table className="simple-table" data-testid="import-preview-rows">
          <thead>
            <tr>
              {csv.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name}
                  <div className="muted">{c.inferredType}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {csv.rows.slice(0, SHOWN_ROWS).map((r, i) => (
              <tr key={i}>
                {csv.columns.map((c, j) => (
                  <td key={c.name}>{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function VariableTable({ variables }: { variables: VariableMeta[] }) {
  const { t, num } = useI18n();
  return (
    <div className="import-rows">
      <table className="simple-table" data-testid="import-preview-variables">
        <thead>
          <tr>
            <th scope="col">{t('var.name')}</th>
            <th scope="col">{t('var.type')}</th>
            <th scope="col">{t('var.label')}</th>
            <th scope="col">{t('var.valueLabels')}</th>
          </tr>
        </thead>
        <tbody>
          {variables.slice(0, SHOWN_VARIABLES).map((v) => (
            <tr key={v.name}>
              <td>{v.name}</td>
              <td>{v.type === 'numeric' ? t('var.numeric') : t('imp.string', { width: v.width })}</td>
              <td>{v.label}</td>
              <td>{num(Object.keys(v.valueLabels).length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {variables.length > SHOWN_VARIABLES && <p className="muted">{t('imp.moreVariables', { n: num(variables.length - SHOWN_VARIABLES) })}</p>}
    </div>
  );
}

export function ImportPreview({ preview }: { preview: Preview }) {
  const { t, num } = useI18n();
  const dict = preview.dictionary;
  return (
    <section className="import-preview" aria-label={t('imp.preview')}>
      <p>
        {t('imp.format', { format: preview.format.toUpperCase() })}
        {dict && ` · ${t('app.rows', { n: num(dict.rows) })} · ${t('app.variables', { n: num(dict.variables.length) })}`}
        {dict?.fileLabel && ` · ${dict.fileLabel}`}
      </p>
      {preview.csv && <CsvPreview csv={preview.csv} />}
      {dict && <VariableTable variables={dict.variables} />}
    </section>
  );
}
