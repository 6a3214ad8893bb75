/** A project file problem the user can act on (missing, empty, not a project, newer, unknown dataset, …). */
import { DuidingError } from '../../shared/errors';

export class ProjectError extends DuidingError {
  declare readonly code: 'not-found' | 'exists' | 'empty-project' | 'not-a-project' | 'newer' | 'unknown-dataset' | 'unknown-variable' | 'invalid';

  constructor(code: ProjectError['code'], message: string) {
    super(code, message);
    this.name = 'ProjectError';
  }
}
