// The text field of a picker that filters a list below it (the citation and recommendation pickers):
// the WAI-ARIA combobox pattern — the list keeps focus on the field, arrows move the active option,
// Enter picks it. One place for the roles and keys so every picker behaves the same.
import type { Dispatch, SetStateAction } from 'react';

export function ComboboxInput({
  id,
  listId,
  count,
  activeId,
  value,
  onChange,
  setActive,
  onEnter,
  onWalkDown,
}: {
  id: string;
  listId: string;
  /** How many options the list shows now. */
  count: number;
  activeId: string | undefined;
  value: string;
  onChange: (text: string) => void;
  setActive: Dispatch<SetStateAction<number>>;
  onEnter: () => void;
  /** After ArrowDown moved the active option (a paged list loads its next page here). */
  onWalkDown?: () => void;
}) {
  return (
    <input
      id={id}
      role="combobox"
      aria-expanded={count > 0}
      aria-controls={listId}
      aria-activedescendant={activeId}
      aria-autocomplete="list"
      autoComplete="off"
      data-autofocus
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
        setActive(0);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          setActive((a) => Math.min(a + 1, count - 1));
          onWalkDown?.();
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          setActive((a) => Math.max(a - 1, 0));
        } else if (e.key === 'Enter') {
          e.preventDefault();
          onEnter();
        }
      }}
    />
  );
}
