import type { Dataset } from '../../../shared/model/dataset';
import { Flags, oneData, type ParsedArgs } from '../args';
import { loadData } from '../data-source';
import { textTable } from '../text-table';

/** `duiding describe DATA [--json]` */
export async function describeCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, ['json']);
  const { dataset } = await loadData(oneData(args));
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
  };
}

export function describeText(ds: Dataset): string {
  const head = `${ds.name}: ${ds.rows.toLocaleString('nl-NL')} rows, ${ds.variables.length} variables${ds.weight ? `, weight variable ${ds.weight}` : ''}`;
  const rows = ds.variables.map((v) => {
    const miss = [...v.missing.values.map(String), ...(v.missing.range ? [`${v.missing.range[0]} thru ${v.missing.range[1]}`] : [])].join(', ');
    return [v.name, v.type, v.measure, String(Object.keys(v.valueLabels).length), miss, v.label];
  });
  return `${head}\n${textTable(['Name', 'Type', 'Measure', 'Labels', 'Missing', 'Label'], rows)}`;
}
