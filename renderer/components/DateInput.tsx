// A date field that reads and writes dd-mm-jjjj whatever the computer's locale, unlike the
// browser's own date field. It reports an ISO date, or the text as typed when that is no date
// (the contract then refuses it with a clear message).
import { useEffect, useState } from 'react';
import { TextInput } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate, parseDutchDate } from '../../shared/dates';

export const toIsoOrRaw = (text: string): string => parseDutchDate(text) ?? text.trim();

export function DateInput(props: {
  id: string;
  value: string;
  onChange(isoOrRaw: string): void;
  onCommit?(): void;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(props.value ? formatDutchDate(props.value) : '');
  useEffect(() => {
    if (toIsoOrRaw(text) !== props.value) setText(props.value ? formatDutchDate(props.value) : '');
    // Only follow the value when it changes from outside.
  }, [props.value]);
  return (
    <TextInput
      id={props.id}
      autoFocus={props.autoFocus}
      type="text"
      inputMode="numeric"
      placeholder="dd-mm-jjjj"
      autoComplete="off"
      size={11}
      value={text}
      invalid={props.invalid ? true : undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(toIsoOrRaw(e.target.value));
      }}
      onBlur={() => props.onCommit?.()}
      onKeyDown={(e) => e.key === 'Enter' && props.onCommit?.()}
    />
  );
}
