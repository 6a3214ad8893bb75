import type { Dataset } from '../../../shared/model/dataset';
import { Flags, oneData, type ParsedArgs } from '../args';
import { loadData } from '../data-source';
import { MRSET_FLAGS, withMrSetOptions } from '../mrset-options';
import { textTable } from '../text-table';

/** `duiding describe DATA [--json]` */
export async function describeCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, ['json', ...MRSET_FLAGS]);
  const dataset = withMrSetOptions(flags, (await loadData(oneData(args))).dataset);
  return flags.has('json') ? JSON.stringify(describeJson(dataset)) : describeText(dataset);
}

/** The `describe --json` document (docs/cli.md contract; fields may be added, never renamed). */
export function describeJson(ds: Dataset) {
  return {
    name: ds.name,
    rows: ds.rows,
    weight: ds.weight,
    fileLabel: ds.fileLabel,
    variables: ds.variables.map((v) => ({
      name: v.name,
      label: v.label,
      type: v.type,
      measure: v.measure,
      role: v.role,
      format: v.format,
      valueLabels: v.valueLabels,
      missing: { values: v.missing.values, range: v.missing.range },
    })),
    mrSets: ds.mrSets.map((m) => ({
      name: m.name,
      label: m.label,
      kind: m.type,
      counted: m.type === 'dichotomies' ? (m.countedValue ?? null) : null,
      variables: m.variables,
    })),
  };
}

export function describeText(ds: Dataset): string {
  const head = `${ds.name}: ${ds.rows.toLocaleString('nl-NL')} rows, ${ds.variables.length} variables${ds.weight ? `, weight variable ${ds.weight}` : ''}`;
  const rows = ds.variables.map((v) => {
    const miss = [...v.missing.values.map(String), ...(v.missing.range ? [`${v.missing.range[0]} thru ${v.missing.range[1]}`] : [])].join(', ');
    return [v.name, v.type, v.measure, String(Object.keys(v.valueLabels).length), miss, v.label];
  });
  const table = `${head}\n${textTable(['Name', 'Type', 'Measure', 'Labels', 'Missing', 'Label'], rows)}`;
  if (ds.mrSets.length === 0) return table;
  const sets = ds.mrSets.map((m) => [m.name, m.type, m.type === 'dichotomies' ? String(m.countedValue ?? '') : '', m.variables.join(' '), m.label]);
  return `${table}\n\nMultiple-response sets\n${textTable(['Name', 'Kind', 'Counted', 'Variables', 'Label'], sets)}`;
}
