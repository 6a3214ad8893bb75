/** A project file problem the user can act on (missing, not a project, newer, unknown dataset, …). */
export class ProjectError extends Error {
  constructor(
    readonly code: 'not-found' | 'exists' | 'not-a-project' | 'newer' | 'unknown-dataset' | 'unknown-variable' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectError';
  }
}
