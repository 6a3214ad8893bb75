/** A modal built on the native <dialog>: focus is trapped and Escape closes it, for free. */
import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-head">
        <h2>{title}</h2>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-foot">{footer}</footer>}
    </dialog>
  );
}

/** The usual Cancel / Save pair at the bottom of an editing dialog. */
export function SaveCancel({
  onSave,
  onCancel,
  saveLabel,
  cancelLabel,
  testId,
}: {
  onSave(): void;
  onCancel(): void;
  saveLabel: string;
  cancelLabel: string;
  testId: string;
}) {
  return (
    <>
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="button" className="primary" onClick={onSave} data-testid={testId}>
        {saveLabel}
      </button>
    </>
  );
}
