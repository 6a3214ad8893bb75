/** What no longer matches between a book and a dataset (`book.check`), each problem in words, the ones that stop a run first. */
import type { BookSpec } from '../../shared/book/book';
import type { BookProblem } from '../../shared/book/check';
import type { VariableMeta } from '../../shared/model/dataset';
import { useI18n } from '../i18n/i18n';
import { counted } from './plural';
import { problemText } from './problems';

export interface CheckListProps {
  problems: BookProblem[];
  dataset: string;
  variables: VariableMeta[];
  spec: BookSpec;
}

export function CheckList({ problems, dataset, variables, spec }: CheckListProps) {
  const { t, num } = useI18n();
  const ordered = [...problems.filter((p) => p.fatal), ...problems.filter((p) => !p.fatal)];
  const fatal = problems.filter((p) => p.fatal).length;
  if (problems.length === 0)
    return (
      <p className="check-ok" data-testid="bk-check-ok">
        ✓ {t('bk.checkOk', { dataset })}
      </p>
    );
  return (
    <div className="book-check" data-testid="bk-check">
      <p className={fatal ? 'field-error' : 'field-warning'}>
        {fatal ? counted(t, num, 'bk.checkFatal', fatal, { dataset }) : counted(t, num, 'bk.checkWarnings', problems.length, { dataset })}
      </p>
      <ul>
        {ordered.map((p, i) => (
          <li key={i} className={p.fatal ? 'problem-fatal' : 'problem-warning'} data-kind={p.kind} data-variable={p.variable}>
            <span className="problem-mark" aria-hidden="true">
              {p.fatal ? '✕' : '!'}
            </span>
            <span className="visually-hidden">{p.fatal ? t('bk.problemFatal') : t('bk.problemWarning')}: </span>
            {problemText(p, { t, dataset, variables, spec })}
          </li>
        ))}
      </ul>
    </div>
  );
}
