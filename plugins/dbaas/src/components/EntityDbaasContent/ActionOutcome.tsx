import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';

/** What the last save or action came to, as the form shows it. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/**
 * Runs a form's save or action: `busy` while it runs, then its own success
 * text or the error in the words `errorText` picks. Forms clear the outcome
 * when their input changes.
 */
export function useActionOutcome(errorText: (error: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ ok: true, text: await action() });
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run, clear: () => setOutcome(undefined) };
}

/** The outcome under a form: green when it went through, red when not. */
export function ActionOutcome(props: { outcome?: Outcome }) {
  const { outcome } = props;
  if (!outcome) return null;
  return (
    <Box mt={1}>
      <Alert severity={outcome.ok ? 'success' : 'error'}>{outcome.text}</Alert>
    </Box>
  );
}
