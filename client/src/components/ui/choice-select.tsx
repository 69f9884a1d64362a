/** A labelled select over a fixed list of codes (an enum from shared/), each shown by its translation. */
type Props<T extends string> = {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (option: T) => void;
};

export function ChoiceSelect<T extends string>({ label, value, options, optionLabel, onChange }: Props<T>) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
