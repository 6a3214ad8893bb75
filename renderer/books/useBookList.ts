/** The project's saved books (`book.list`), fetched again whenever the project changes (save, undo, redo). */
import { useEffect, useState } from 'react';
import type { SavedBook } from '../../shared/api/books';
import { invoke, toApiError, type ApiError } from '../api/client';

export function useBookList(version: number): { books: SavedBook[] | null; error: ApiError | null } {
  const [books, setBooks] = useState<SavedBook[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    invoke('book.list', {})
      .then((b) => {
        if (!live) return;
        setBooks(b);
        setError(null);
      })
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [version]);
  return { books, error };
}
