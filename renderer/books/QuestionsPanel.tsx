/**
 * Questions and banner: the variables on the left, the book's questions in the middle (a chosen list,
 * or everything categorical in a folder or the dataset), the banner on the right. Everything the
 * mouse drags, the buttons under the picker do for the keyboard.
 */
import { useState } from 'react';
import type { BookSpec } from '../../shared/book/book';
import type { BookPreviewTable } from '../../shared/book/preview';
import type { VariableMeta, MultipleResponseSet } from '../../shared/model/dataset';
import { useI18n } from '../i18n/i18n';
import { BannerEditor } from './BannerEditor';
import {
  addBannerItem,
  addQuestions,
  categoricalVariables,
  folderNames,
  moveQuestionsTo,
  questionList,
  removeQuestions,
  shiftQuestions,
  type DraftIssue,
} from './draft';
import { FieldIssues } from './FieldIssues';
import { QuestionList } from './QuestionList';
import { VariablePicker } from './VariablePicker';

export interface QuestionsPanelProps {
  spec: BookSpec;
  onChange(spec: BookSpec): void;
  variables: VariableMeta[];
  /** Multiple-response sets of the dataset (questions like any other). */
  sets?: readonly MultipleResponseSet[];
  labelOf(name: string): string;
  status: Map<string, BookPreviewTable>;
  missing: Set<string>;
  issues: Map<string, DraftIssue[]>;
  onPreview(question: string): void;
}

type Mode = 'list' | 'folder' | 'all';

export function QuestionsPanel({ spec, onChange, variables, sets, labelOf, status, missing, issues, onPreview }: QuestionsPanelProps) {
  const { t, num } = useI18n();
  const [picked, setPicked] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const folders = folderNames(variables);
  const [folder, setFolder] = useState('');
  const list = questionList(spec);
  const q = spec.questions;
  const mode: Mode = Array.isArray(q) ? 'list' : 'folder' in q ? 'folder' : 'all';
  const folderChoice = folder || folders[0] || '';
  const inBook = new Set([...(list ?? []), ...spec.banner.items.flatMap((it) => ('variable' in it ? [it.variable] : it.nest))]);
  const dynamic = mode === 'list' ? [] : categoricalVariables(variables, spec, mode === 'folder' && !Array.isArray(q) && 'folder' in q ? q.folder : undefined);

  const setMode = (m: Mode) => {
    if (m === mode) return;
    if (m === 'list') onChange({ ...spec, questions: dynamic.map((v) => v.name) });
    else if (m === 'folder') onChange({ ...spec, questions: { folder: folderChoice } });
    else onChange({ ...spec, questions: { allCategorical: true } });
  };
  const addPicked = (names: string[]) => {
    if (mode === 'list') onChange(addQuestions(spec, names));
  };
  const single = picked.length === 1 ? picked[0] : null;
  const folderVars = folderChoice ? categoricalVariables(variables, spec, folderChoice) : [];

  return (
    <div className="book-content">
      <section className="book-col book-col-vars" aria-label={t('bk.variables')}>
        <h3>{t('bk.variables')}</h3>
        <VariablePicker variables={variables} sets={sets} selected={picked} onSelect={setPicked} onActivate={addPicked} used={inBook} />
        <div className="add-buttons">
          <button type="button" disabled={picked.length === 0 || mode !== 'list'} onClick={() => addPicked(picked)} data-testid="bk-add-questions">
            {t('bk.addQuestions', { n: num(picked.length) })}
          </button>
          <button
            type="button"
            disabled={picked.length === 0}
            onClick={() => onChange(picked.reduce((s, n) => addBannerItem(s, n), spec))}
            data-testid="bk-add-banner"
          >
            {t('bk.addBanner')}
          </button>
        </div>
      </section>
      <section className="book-col book-col-questions" aria-labelledby="bk-q-head">
        <h3 id="bk-q-head">
          {t('bk.questions')}
          <span className="muted book-count">{mode === 'list' ? num(list?.length ?? 0) : num(dynamic.length)}</span>
        </h3>
        <div className="radio-row" role="radiogroup" aria-label={t('bk.questionMode')}>
          {(['list', 'folder', 'all'] as const).map((m) => (
            <label className="check" key={m}>
              <input
                type="radio"
                name="bk-mode"
                checked={mode === m}
                onChange={() => setMode(m)}
                disabled={m === 'folder' && folders.length === 0}
                data-testid={`bk-mode-${m}`}
              />
              {t(`bk.mode.${m}`)}
            </label>
          ))}
        </div>
        {folders.length > 0 ? (
          <div className="folder-row">
            <label>
              {t('bk.folderOfVars')}{' '}
              <select
                value={mode === 'folder' && !Array.isArray(q) && 'folder' in q ? q.folder : folderChoice}
                onChange={(e) => {
                  setFolder(e.target.value);
                  if (mode === 'folder') onChange({ ...spec, questions: { folder: e.target.value } });
                }}
                data-testid="bk-folder"
              >
                {folders.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
            {mode === 'list' && (
              <button
                type="button"
                disabled={folderVars.length === 0}
                onClick={() =>
                  onChange(
                    addQuestions(
                      spec,
                      folderVars.map((v) => v.name),
                    ),
                  )
                }
                data-testid="bk-add-folder"
              >
                {t('bk.addFolder', { n: num(folderVars.length) })}
              </button>
            )}
          </div>
        ) : (
          <p className="muted book-hint">{t('bk.noFolders')}</p>
        )}
        <FieldIssues issues={issues.get('questions')} testId="bk-issues-questions" />
        {list ? (
          <QuestionList
            names={list}
            labelOf={labelOf}
            status={status}
            missing={missing}
            selected={chosen}
            onSelect={setChosen}
            onAdd={(names, before) => onChange(addQuestions(spec, names, before === null ? undefined : list.indexOf(before)))}
            onMove={(names, before) => onChange(moveQuestionsTo(spec, names, before))}
            onShift={(names, d) => onChange(shiftQuestions(spec, names, d))}
            onRemove={(names) => {
              onChange(removeQuestions(spec, names));
              setChosen([]);
            }}
            onPreview={onPreview}
          />
        ) : (
          <div className="question-dynamic">
            <p className="muted">{t(mode === 'folder' ? 'bk.dynamicFolder' : 'bk.dynamicAll', { n: num(dynamic.length) })}</p>
            <ol className="question-list readonly" aria-label={t('bk.questions')}>
              {dynamic.map((v) => (
                <li key={v.name} className="question">
                  <span className="question-text">
                    <span className="question-label">{v.label || v.name}</span>
                    <span className="var-item-name-sub">{v.name}</span>
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
      <section className="book-col book-col-banner" aria-label={t('tb.columns')}>
        <BannerEditor spec={spec} onChange={onChange} labelOf={labelOf} selected={single} missing={missing} />
        <FieldIssues issues={issues.get('banner')} testId="bk-issues-banner" />
        {spec.recodes.length > 0 && (
          <div className="book-recodes">
            <h4>{t('bk.recodes')}</h4>
            <ul>
              {spec.recodes.map((r) => (
                <li key={r.target}>{t('bk.recodeLine', { target: labelOf(r.target), source: labelOf(r.source), n: num(r.rules.length) })}</li>
              ))}
            </ul>
            <FieldIssues issues={issues.get('recodes')} />
          </div>
        )}
      </section>
    </div>
  );
}
