/**
 * Result shape of a layered crosstab (SPSS CROSSTABS /TABLES=a BY b BY c): one row × column table per
 * layer category (or per combination of several layer variables) plus the table over all layers.
 * Each table is the ordinary CrosstabTable shape, so every renderer of a crosstab renders a layer.
 */
import type { Code } from '../model/dataset';
import type { CrosstabTable, DisclosureSummary } from '../model/results';
import type { DisclosureMessage } from '../i18n/message-types';

export interface LayerKey {
  variable: string;
  code: Code;
  label: string;
}

export interface LayerTable {
  /** The layer variable; with several, their names joined by ",". */
  variable: string;
  /** The layer's code; with several layer variables, their codes joined by ",". */
  code: Code;
  /** The value label; with several layer variables, the labels joined by " / ". */
  label: string;
  /** One entry per layer variable. */
  keys: LayerKey[];
  table: CrosstabTable;
}

export interface LayeredCrosstab {
  kind: 'layered';
  rowVariable: string;
  colVariable: string;
  layerVariables: string[];
  layers: LayerTable[];
  /** The table over all layers (cases valid on every layer variable); null when withheld by the output rules. */
  total: CrosstabTable | null;
  /** Why the total table is not published. */
  totalWithheld?: string;
  /** The same as a message code (shared/i18n/messages.ts), for Dutch or English text. */
  totalWithheldMessage?: DisclosureMessage;
  /** The output rules' verdict over all tables together. */
  rules?: DisclosureSummary;
  /**
   * Layers are the items of a multiple-response set (shared/engine/mr/set-layers.ts): a case is in every
   * layer whose item it has, and the total (the set's base) is not the sum of the layers.
   */
  overlapping?: { set: string; kind: 'dichotomies' | 'categories'; maxPerCase: number };
}

export interface LayeredCrosstabMulti {
  tables: LayeredCrosstab[];
}
