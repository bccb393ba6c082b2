import { FormEvent, useState } from 'react';

/**
 * A form's submission to the backend: busy while it runs, and the backend's
 * message when it is refused, so the admin sees why.
 */
export function useSubmission(change: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await change();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
