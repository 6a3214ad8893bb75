/**
 * The book's banner, built as in the table builder: variables dropped on the zone stand side by side,
 * a variable dropped on an item is nested under it. For the keyboard: the picker's "Add as column"
 * button, "nest under" for the variable picked, and on each item buttons to undo a nest and move it.
 */
import { useState } from 'react';
import type { BookSpec } from '../../shared/book/book';
import { useI18n } from '../i18n/i18n';
import { DropZone, type Chip } from '../tables/DropZone';
import { isSetName } from '../tables/spec';
import { addBannerItem, bannerItemVariables, nestBannerItem, removeBannerItem, shiftBannerItem, unnestBannerItem } from './draft';

export interface BannerEditorProps {
  spec: BookSpec;
  onChange(spec: BookSpec): void;
  labelOf(name: string): string;
  /** The one variable selected in the picker, offered for nesting. */
  selected: string | null;
  missing: Set<string>;
}

export function BannerEditor({ spec, onChange, labelOf, selected, missing }: BannerEditorProps) {
  const { t } = useI18n();
  const items = spec.banner.items;
  const [under, setUnder] = useState(0);
  // Nesting is offered for a variable not in the banner yet: one already there would appear twice.
  // A set is never nested (nor nested under): it stands beside the other banner items.
  const nestable = selected && !isSetName(selected) && !items.some((it) => bannerItemVariables(it).includes(selected)) ? selected : null;
  const chips: Chip[] = items.map((it, i) => {
    const vars = bannerItemVariables(it);
    const gone = vars.filter((v) => missing.has(v.toLowerCase()));
    const outer = vars[0];
    return {
      key: `${i}:${vars.join('>')}`,
      text: vars.map(labelOf).join(' › '),
      title: vars.join(' › '),
      extra: (
        <span className="chip-tools">
          {gone.length > 0 && <span className="field-error">{t('bk.notInDataNames', { names: gone.join(', ') })}</span>}
          {'nest' in it && (
            <button type="button" className="chip-nest" onClick={() => onChange(unnestBannerItem(spec, i))}>
              {t('bk.unnest')}
            </button>
          )}
          <button
            type="button"
            className="chip-move"
            disabled={i === 0}
            aria-label={t('bk.moveLeft', { name: labelOf(outer) })}
            onClick={() => onChange(shiftBannerItem(spec, i, -1))}
          >
            ←
          </button>
          <button
            type="button"
            className="chip-move"
            disabled={i === items.length - 1}
            aria-label={t('bk.moveRight', { name: labelOf(outer) })}
            onClick={() => onChange(shiftBannerItem(spec, i, 1))}
          >
            →
          </button>
        </span>
      ),
    };
  });
  return (
    <div className="book-banner">
      <DropZone
        title={t('tb.columns')}
        chips={chips}
        testId="bk-banner"
        onDrop={(n) => onChange(addBannerItem(spec, n))}
        onDropOnChip={(i, n) => onChange(nestBannerItem(spec, i, n))}
        onRemove={(i) => onChange(removeBannerItem(spec, i))}
      />
      {nestable && items.length > 0 && (
        <div className="nest-row">
          <label>
            {t('bk.nestLabel', { name: labelOf(nestable) })}{' '}
            <select value={Math.min(under, items.length - 1)} onChange={(e) => setUnder(Number(e.target.value))} data-testid="bk-nest-under">
              {items.map((it, i) =>
                isSetName(bannerItemVariables(it)[0]) ? null : (
                  <option key={i} value={i}>
                    {labelOf(bannerItemVariables(it)[0])}
                  </option>
                ),
              )}
            </select>
          </label>
          <button type="button" onClick={() => onChange(nestBannerItem(spec, Math.min(under, items.length - 1), nestable))} data-testid="bk-nest">
            {t('bk.nest')}
          </button>
        </div>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={spec.banner.total}
          onChange={(e) => onChange({ ...spec, banner: { ...spec.banner, total: e.target.checked } })}
          data-testid="bk-total"
        />
        {t('tb.total')}
      </label>
      <p className="muted book-hint">{t('bk.bannerHint')}</p>
    </div>
  );
}
