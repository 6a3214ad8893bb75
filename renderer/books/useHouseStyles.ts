/** The house styles this app can write a book in (`book.styles`), asked once per view. */
import { useEffect, useState } from 'react';
import { invoke } from '../api/client';

export function useHouseStyles(): string[] | null {
  const [styles, setStyles] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    invoke('book.styles', {})
      .then((s) => live && setStyles(s))
      .catch(() => live && setStyles(null));
    return () => {
      live = false;
    };
  }, []);
  return styles;
}
