// The agenda: items in the order the TB takes them, moved by keyboard (Alt+arrow, or the arrow
// buttons) or by dragging, and a form to add an item of the moment.
import { useId, useState } from 'react';
import { Button, Heading, TextInput } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { AGENDA_PURPOSES, EDITABLE, type AgendaPurpose, type Meeting } from '../../shared/meeting';
import { FieldError, type FormError, NativeSelect, placeError, useSingleFlight, useUnsaved } from '../components/fields';
import { describeError } from '../error-text';
import { perform } from '../stores/register';
import { useUi } from '../stores/ui';
import { AgendaItemCard } from './AgendaItemCard';

export function AgendaList({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const [dragged, setDragged] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = EDITABLE.agenda(meeting.state);
  async function move(id: number, to: number) {
    if (to < 1 || to > meeting.items.length) return;
    const result = await perform('agenda.move', { id, to });
    setError(result.ok ? null : describeError(lang, result.error));
    if (result.ok) {
      // Keep the keyboard on the item that moved.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-item-id="${id}"] .item-handle`)?.focus());
      const item = result.value.find((i) => i.id === id);
      if (item) useUi.getState().announce(`${t(lang, 'agendaItem')} ${item.number}: ${item.position}/${result.value.length}`);
    }
  }
  return (
    <section aria-labelledby="agenda-heading">
      <Heading level={3} id="agenda-heading">{t(lang, 'agenda')}</Heading>
      <FieldError id="agenda-error" error={error} />
      <ol className="agenda" data-testid="agenda">
        {meeting.items.map((item) => (
          <AgendaItemCard
            key={item.id}
            meeting={meeting}
            item={item}
            onMove={editable ? (to) => void move(item.id, to) : undefined}
            drag={
              editable
                ? {
                    onStart: () => setDragged(item.id),
                    onDrop: (draggedId) => {
                      const from = draggedId ?? dragged;
                      if (from !== null && from !== item.id) void move(from, item.position);
                      setDragged(null);
                    },
                  }
                : undefined
            }
          />
        ))}
      </ol>
      {editable && <AddItemForm meeting={meeting} />}
    </section>
  );
}

function AddItemForm({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<AgendaPurpose>('bespreking');
  const [presenter, setPresenter] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const once = useSingleFlight();
  useUnsaved(title.trim() !== '');
  // An item of the moment goes before the rondvraag.
  const rondvraag = meeting.items.find((i) => i.standing === 'rondvraag');
  async function add() {
    const result = await perform('agenda.add', {
      meeting: meeting.number,
      title,
      purpose,
      presenter: presenter.trim() || null,
      // Not a number: sent as typed, so the register says what is wrong with it.
      minutes: minutes.trim() ? (/^\d+$/.test(minutes.trim()) ? Number(minutes) : (minutes as unknown as number)) : null,
      ...(rondvraag ? { position: rondvraag.position } : {}),
    });
    if (!result.ok) return setError({ field: result.error.field, text: describeError(lang, result.error) });
    setError(null);
    setTitle('');
    setPresenter('');
    setMinutes('');
    useUi.getState().announce(`${t(lang, 'agendaItem')} ${result.value.number}: ${result.value.title}`);
  }
  const place = placeError(error, ['title', 'presenter', 'minutes']);
  const invalid = place.invalid;
  return (
    <form
      className="inline-form"
      aria-labelledby={`${id}-legend`}
      onSubmit={(e) => {
        e.preventDefault();
        void once(add);
      }}
    >
      <Heading level={4} id={`${id}-legend`} className="form-title">
        {t(lang, 'addAgendaItem')}
      </Heading>
      <div className="field grow">
        <label htmlFor={`${id}-title`}>{t(lang, 'title')}</label>
        <TextInput id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} invalid={invalid('title')} aria-describedby={place.at('title') ? `${id}-title-error` : undefined} data-testid="new-item-title" />
        <FieldError id={`${id}-title-error`} error={place.at('title')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>{t(lang, 'purpose')}</label>
        <NativeSelect id={`${id}-purpose`} value={purpose} onChange={(e) => setPurpose(e.target.value as AgendaPurpose)}>
          {AGENDA_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(lang, `purpose_${p}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="field">
        <label htmlFor={`${id}-presenter`}>{t(lang, 'presenter')}</label>
        <TextInput id={`${id}-presenter`} value={presenter} size={14} onChange={(e) => setPresenter(e.target.value)} invalid={invalid('presenter')} aria-describedby={place.at('presenter') ? `${id}-presenter-error` : undefined} />
        <FieldError id={`${id}-presenter-error`} error={place.at('presenter')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t(lang, 'minutes')}</label>
        <TextInput id={`${id}-minutes`} value={minutes} size={4} inputMode="numeric" onChange={(e) => setMinutes(e.target.value)} invalid={invalid('minutes')} aria-describedby={place.at('minutes') ? `${id}-minutes-error` : undefined} />
        <FieldError id={`${id}-minutes-error`} error={place.at('minutes')} />
      </div>
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'addAgendaItem')}
      </Button>
      <FieldError id={`${id}-error`} error={place.rest} />
    </form>
  );
}
