import type {
  AlertRuleSettings,
  AlertRulesPatch,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useId, useMemo, useState } from 'react';
import { ActionOutcome, useActionOutcome } from '../ActionOutcome';
import { RULE_FIELDS } from './ruleFields';
import { problemsOf, RulesDraft, toDraft, toOverrides } from './rulesDraft';

/** A backend's refusal with its reason, e.g. which field is wrong. */
function reasonOf(error: unknown): string {
  const { message, cause } = error as Error & { cause?: Error };
  return cause?.message ? `${message}: ${cause.message}` : message;
}

/**
 * The instance's thresholds; editable by those who may update the
 * instance, read-only for everyone else.
 */
export function AlertRulesForm(props: {
  settings: AlertRuleSettings;
  canEdit: boolean;
  onSave: (overrides: AlertRulesPatch) => Promise<void>;
}) {
  const { settings, canEdit, onSave } = props;
  const idPrefix = useId();
  const [draft, setDraft] = useState<RulesDraft>(() => toDraft(settings.rules));
  const {
    busy: saving,
    outcome,
    run,
    clear: clearOutcome,
  } = useActionOutcome(reasonOf);
  const overrides = useMemo(
    () => toOverrides(draft, settings.defaults),
    [draft, settings.defaults],
  );
  const problems = problemsOf(overrides);
  const changed =
    JSON.stringify(overrides) !== JSON.stringify(settings.overrides);

  const set = (rule: string, field: string, value: boolean | string) => {
    clearOutcome();
    setDraft(d => ({ ...d, [rule]: { ...d[rule], [field]: value } }));
  };

  const save = () =>
    run(async () => {
      await onSave(overrides);
      return 'Alert rules saved.';
    });

  return (
    <Box
      component="form"
      aria-label="Alert rules"
      onSubmit={e => e.preventDefault()}
    >
      {RULE_FIELDS.map(({ rule, title, threshold }) => {
        const key = threshold && `${rule}.${threshold.field}`;
        return (
          <Box key={rule} display="flex" alignItems="flex-start" mb={1}>
            <FormControlLabel
              style={{ minWidth: 200 }}
              control={
                <Switch
                  checked={Boolean(draft[rule].enabled)}
                  disabled={!canEdit}
                  onChange={e => set(rule, 'enabled', e.target.checked)}
                  inputProps={{ 'aria-label': `${title} alert on` }}
                />
              }
              label={title}
            />
            {threshold && key && (
              <TextField
                id={`${idPrefix}-${rule}`}
                type="number"
                size="small"
                label={threshold.label}
                value={draft[rule][threshold.field]}
                disabled={!canEdit || !draft[rule].enabled}
                onChange={e => set(rule, threshold.field, e.target.value)}
                error={Boolean(problems[key])}
                helperText={
                  problems[key]
                    ? `${threshold.label} ${problems[key]}`
                    : threshold.explain
                }
              />
            )}
          </Box>
        );
      })}
      {canEdit ? (
        <Button
          variant="contained"
          color="primary"
          disabled={!changed || saving || Object.keys(problems).length > 0}
          onClick={save}
        >
          Save alert rules
        </Button>
      ) : (
        <Typography variant="caption">
          Only those who may change this instance can edit its alert rules.
        </Typography>
      )}
      <ActionOutcome outcome={outcome} />
    </Box>
  );
}
