/**
 * A select over one of the shared vocabularies (confidentiality, stance, source kind…), labelled in
 * the users' words; `blank` adds a first option meaning "none" or "any", whose value is ''.
 */
export function VocabularySelect<T extends string>({
  id,
  value,
  values,
  labels,
  blank,
  describedBy,
  onChange,
}: {
  id: string;
  value: T | '';
  values: readonly T[];
  labels: Record<T, string>;
  blank?: string;
  /** The id of a hint that explains the choice. */
  describedBy?: string;
  onChange: (value: T | '') => void;
}) {
  return (
    <select id={id} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T | '')}>
      {blank !== undefined && <option value="">{blank}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </select>
  );
}
