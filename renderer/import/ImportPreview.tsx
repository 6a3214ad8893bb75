/**
 * What `import.preview` found: for text files the columns with their inferred types and the first rows
 * (the settings are in ReadSettings.tsx); for SPSS, Stata and Excel the variables with type, label and value labels.
 */
import type { ImportPreview as Preview } from '../../shared/api/import';
import type { VariableMeta } from '../../shared/model/dataset';
import { useI18n } from '../i18n/i18n';

const SHOWN_ROWS = 20;
const SHOWN_VARIABLES = 200;

function CsvPreview({ csv }: { csv: NonNullable<Preview['csv']> }) {
  const { t } = useI18n();
  // The detected (or chosen) settings are shown and changed in ReadSettings above the preview.
  return (
    <>
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
