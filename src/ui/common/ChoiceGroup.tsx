/** A radio group in the start screen's style: a legend, then one labelled choice per option with a line of text. */
export function ChoiceGroup<T extends string>({ name, legend, options, value, onChange, title, text }: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  title: (option: T) => string;
  text: (option: T) => string;
}) {
  return (
    <fieldset className="computer-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>
            <strong>{title(option)}</strong>
            <span className="choice-text">{text(option)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
