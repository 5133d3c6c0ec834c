import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** message shown when the text is not a number in [min, max] */
  rangeMessage: string;
  onCommit(value: number): void;
  testId?: string;
}

/**
 * A number input that commits on Enter or blur, only when the text is a number within [min, max];
 * otherwise it keeps the text, marks the field invalid and says why (nothing is changed).
 */
export function NumberField({ label, unit, value, min, max, step = 1, rangeMessage, onCommit, testId }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const commit = () => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      setError(rangeMessage);
      return;
    }
    setError(null);
    if (n !== value) onCommit(n);
  };
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <span className="input-unit">
        <input
          id={id}
          data-testid={testId}
          inputMode="decimal"
          value={text}
          step={step}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(String(value));
              setError(null);
            }
          }}
        />
        <span className="unit">{unit}</span>
      </span>
      {error && (
        <span className="error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  testId?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, testId }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  maxLength: number;
  requiredMessage: string;
  onCommit(value: string): void;
  testId?: string;
}

export function TextField({ label, value, maxLength, requiredMessage, onCommit, testId }: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const t = text.trim();
    if (!t) return setError(requiredMessage);
    setError(null);
    if (t !== value) onCommit(t);
  };
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        value={text}
        maxLength={maxLength}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
