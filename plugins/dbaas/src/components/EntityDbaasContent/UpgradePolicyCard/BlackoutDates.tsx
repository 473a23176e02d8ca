import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import { useId, useState } from 'react';

/** Dates on which no window opens (by each window's own clock). */
export function BlackoutDates(props: {
  dates: string[];
  disabled: boolean;
  onChange: (dates: string[]) => void;
}) {
  const [date, setDate] = useState('');
  const inputId = useId();
  const add = () => {
    if (!date || props.dates.includes(date)) return;
    props.onChange([...props.dates, date].sort());
    setDate('');
  };
  return (
    <Box>
      <Box display="flex" flexWrap="wrap" mb={1} style={{ gap: 4 }}>
        {props.dates.length === 0 && <span>None.</span>}
        {props.dates.map(d => (
          <Chip
            key={d}
            label={d}
            size="small"
            onDelete={
              props.disabled
                ? undefined
                : () => props.onChange(props.dates.filter(x => x !== d))
            }
          />
        ))}
      </Box>
      {!props.disabled && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <TextField
            id={inputId}
            type="date"
            size="small"
            label="Blackout date"
            InputLabelProps={{ shrink: true }}
            value={date}
            onChange={e => setDate(e.target.value)}
          />
          <Button size="small" onClick={add} disabled={!date}>
            Add blackout date
          </Button>
        </Box>
      )}
    </Box>
  );
}
