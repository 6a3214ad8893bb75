/** One polite status line for confirmations and errors, read out by screen readers. */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notice {
  text: string;
  kind: 'info' | 'error';
}

interface NoticeApi {
  notify(text: string, kind?: Notice['kind']): void;
}

const Ctx = createContext<NoticeApi | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notify = useCallback((text: string, kind: Notice['kind'] = 'info') => {
    setNotice({ text, kind });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setNotice(null), kind === 'error' ? 10000 : 4000);
  }, []);
  const api = useMemo(() => ({ notify }), [notify]);
  return (
    <Ctx.Provider value={api}>
      {children}
      <div className={`notice ${notice ? `notice-${notice.kind}` : 'notice-hidden'}`} role="status" aria-live="polite" data-testid="notice">
        {notice?.text}
      </div>
    </Ctx.Provider>
  );
}

export function useNotice(): NoticeApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useNotice outside NoticeProvider');
  return v;
}
