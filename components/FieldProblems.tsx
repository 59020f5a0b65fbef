import { useId, useState } from 'preact/hooks';

/**
 * Problems shown beside their fields only once a field was left (or the form submitted), so a
 * fresh form is not covered in errors. A group (the milestone rows, the tax rates) counts as left
 * when focus leaves any field inside it.
 */
export function useFieldProblems(problems: Record<string, string | undefined>) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const baseId = useId();
  const touch = (name: string) => setTouched((before) => (before.has(name) ? before : new Set([...before, name])));
  const shown = (name: string) => (tried || touched.has(name) ? problems[name] : undefined);
  const problemId = (name: string) => `${baseId}-${name}`;
  return {
    /** Props for an input: marked invalid and described by its problem once shown. */
    field: (name: string) => ({
      onBlur: () => touch(name),
      'aria-invalid': shown(name) ? ('true' as const) : undefined,
      'aria-describedby': shown(name) ? problemId(name) : undefined,
    }),
    /** Props for a wrapper of several fields reported as one. */
    group: (name: string) => ({ onBlurCapture: () => touch(name) }),
    /** The problem of a field or group, once it is shown. */
    problem: (name: string) => {
      const text = shown(name);
      return text ? <p id={problemId(name)} class="error field-problem">{text}</p> : null;
    },
    /** On submit: every problem shows; true when there is none. */
    submit: () => {
      setTried(true);
      return Object.values(problems).every((problem) => problem === undefined);
    },
  };
}
