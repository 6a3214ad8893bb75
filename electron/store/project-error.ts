/** A project file problem the user can act on (missing, empty, not a project, newer, unknown dataset, …). */
export class ProjectError extends Error {
  constructor(
    readonly code: 'not-found' | 'exists' | 'empty-project' | 'not-a-project' | 'newer' | 'unknown-dataset' | 'unknown-variable' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectError';
  }
}
