import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useIntl } from 'react-intl';

/**
 * A modal dialog on the native <dialog>: focus stays inside, Escape closes, the page behind is inert,
 * and focus returns to whatever opened it. Mark the field to start in with `data-autofocus`.
 */
export function Modal({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const intl = useIntl();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    // showModal() focuses the first focusable element (the close button); the field the dialog is
    // for is marked with data-autofocus instead (React's autoFocus runs before showModal).
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog?.addEventListener('cancel', onCancel);
    return () => {
      dialog?.removeEventListener('cancel', onCancel);
      dialog?.close();
      opener?.focus?.();
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'modal wide' : 'modal'} aria-labelledby={titleId}>
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="ghost"
          onClick={onClose}
          aria-label={intl.formatMessage({ id: 'drafts.modal.close', defaultMessage: 'Close' })}
        >
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
