/**
 * `duiding book DATA --book NAME`: the saved tabellenboek named NAME — from the project when DATA is
 * PROJECT.duiding#DATASET (saved in the Tabellenboek view), or the bundled demo book for `demo`.
 */
import demoBook from '../../resources/demo/book.json';
import { ProjectStore } from '../store/project-store';
import { UsageError } from './args';

export function loadSavedBook(data: string, name: string): unknown {
  if (data === 'demo') {
    const demo = demoBook;
    if (demo.title !== name) throw new UsageError(`demo has no book named "${name}" (its book is "${demo.title}")`);
    return demo;
  }
  const hash = data.lastIndexOf('#');
  if (hash < 0 || !data.slice(0, hash).endsWith('.duiding'))
    throw new UsageError('--book reads a book saved in a project: DATA must be PROJECT.duiding#DATASET (or demo)');
  const store = ProjectStore.open(data.slice(0, hash));
  try {
    const books = store.listSpecs('book');
    const hit = books.find((b) => b.name === name);
    if (!hit) {
      const names = books.map((b) => `"${b.name}"`).join(', ');
      throw new UsageError(`the project has no book named "${name}"${names ? ` (its books: ${names})` : ' (it has no saved books)'}`);
    }
    return hit.body;
  } finally {
    store.close();
  }
}
