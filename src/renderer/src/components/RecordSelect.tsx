import type { ReactNode } from 'react';

interface NamedRecord {
  id: string;
  name: string;
}

/**
 * A select over records of the vault by name — dossiers, codes, entities — as every list's filters
 * use it: `blank` is the first choice ("any code", "all dossiers"), whose value is ''. With `groups`,
 * records are shown under headings (entities by kind) in the groups' order; empty groups are left out.
 */
export function RecordSelect<R extends NamedRecord>({
  id,
  value,
  records,
  blank,
  groups,
  onChange,
}: {
  id?: string;
  value: string;
  records: readonly R[] | undefined;
  blank: string;
  groups?: { label: string; holds: (record: NoInfer<R>) => boolean }[];
  onChange: (id: string) => void;
}) {
  const option = (r: R) => (
    <option key={r.id} value={r.id}>
      {r.name}
    </option>
  );
  const all = records ?? [];
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{blank}</option>
      {groups
        ? groups.map(({ label, holds }) => {
            const members = all.filter(holds);
            return members.length === 0 ? null : (
              <optgroup key={label} label={label}>
                {members.map(option)}
              </optgroup>
            );
          })
        : all.map(option)}
    </select>
  );
}

/** One filter of a list's filter bar: its label above its control. */
export function FilterField({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
