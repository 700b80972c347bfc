/**
 * The spec form's two kinds of field: a labelled text input (placeholder "as detected" unless
 * hinted) and a select over fixed choices; `Select` alone serves the Export config menu too.
 */

/** A labelled text input: `onValue` as the user types, `onCommit` when the field is left. */
export function TextField(props: {
  label: string;
  testid: string;
  value: string;
  hint?: string;
  list?: string;
  onValue(v: string): void;
  onCommit(v: string): void;
}) {
  return (
    <label class="spec-field">
      <span class="muted">{props.label}</span>
      <input
        type="text"
        class="mono"
        data-testid={props.testid}
        value={props.value}
        placeholder={props.hint ?? 'as detected'}
        list={props.list}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => props.onCommit((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}

type SelectProps<T extends string> = {
  testid: string;
  value: T;
  /** The choices in order: value and label. */
  options: readonly (readonly [T, string])[];
  onSelect(v: T): void;
};

/** A select over fixed choices, typed by their values. */
export function Select<T extends string>(props: SelectProps<T>) {
  return (
    <select
      data-testid={props.testid}
      value={props.value}
      onChange={(e) => props.onSelect((e.currentTarget as HTMLSelectElement).value as T)}
    >
      {props.options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** A labelled `Select`, laid out as the form's other fields. */
export function SelectField<T extends string>(props: SelectProps<T> & { label: string }) {
  const { label, ...select } = props;
  return (
    <label class="spec-field">
      <span class="muted">{label}</span>
      <Select {...select} />
    </label>
  );
}
