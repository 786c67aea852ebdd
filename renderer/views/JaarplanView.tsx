// The jaarplan: year, title, board, reference date, dossier space, its ambitions, and the texts
// the annexes print.
import { useState } from 'react';
import { Button, Checkbox, Heading, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextInput } from '@rijkshuisstijl-community/components-react';
import { ANNEX_TEXT_KEYS } from '../../shared/domain';
import { t } from '../../shared/i18n';
import { FieldError, save, TextField } from '../components/fields';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

export function JaarplanView() {
  const lang = useUi((s) => s.lang);
  const { jaarplan, ambitions } = useRegister();
  const [newAmbition, setNewAmbition] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!jaarplan) return null;
  const update = (patch: Record<string, unknown>) => save('jaarplan.update', { patch });
  return (
    <section aria-labelledby="jaarplan-heading" className="view wide-form">
      <Heading level={2} id="jaarplan-heading">{t(lang, 'jaarplan')}</Heading>
      <div className="grid-2">
        <TextField label={t(lang, 'year')} type="number" value={String(jaarplan.year)} onSave={(v) => update({ year: Number(v) })} />
        <TextField label={t(lang, 'referenceDate')} type="date" value={jaarplan.referenceDate} onSave={(referenceDate) => update({ referenceDate })} />
        <TextField label={t(lang, 'jaarplanTitle')} value={jaarplan.title} onSave={(title) => update({ title })} />
        <TextField label={t(lang, 'boardName')} value={jaarplan.board} onSave={(board) => update({ board })} />
      </div>
      <TextField
        label={t(lang, 'dossierSpace')}
        type="url"
        value={jaarplan.dossierSpaceUrl}
        onSave={(v) => update({ dossierSpaceUrl: v.trim() || null })}
      />
      <Heading level={3}>{t(lang, 'ambitions')}</Heading>
      <Table className="register-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t(lang, 'name')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="wide">{t(lang, 'description')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t(lang, 'focus')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {ambitions.map((a) => (
            <TableRow key={a.code}>
              <TableCell>
                <TextField label={t(lang, 'name')} value={a.name} onSave={(name) => save('ambition.update', { code: a.code, patch: { name } })} />
              </TableCell>
              <TableCell>
                <TextField
                  label={t(lang, 'description')}
                  value={a.description}
                  multiline
                  // As tall as the description (they were cut off in two-line boxes, issue 14).
                  rows={Math.min(10, Math.max(3, Math.ceil((a.description ?? '').length / 90) + 1))}
                  onSave={(description) => save('ambition.update', { code: a.code, patch: { description } })}
                />
              </TableCell>
              <TableCell>
                <label className="inline">
                  <Checkbox
                    checked={a.focus}
                    onChange={(e) => void save('ambition.update', { code: a.code, patch: { focus: e.target.checked } })}
                  />{' '}
                  <span className="visually-hidden">
                    {t(lang, 'focus')}: {a.name}
                  </span>
                </label>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const failure = await save('ambition.create', { name: newAmbition });
          setError(failure);
          if (!failure) setNewAmbition('');
        }}
      >
        <div className="field grow">
          <label htmlFor="new-ambition">{t(lang, 'addAmbition')}</label>
          <TextInput id="new-ambition" value={newAmbition} onChange={(e) => setNewAmbition(e.target.value)} />
        </div>
        <Button appearance="secondary-action-button" type="submit">{t(lang, 'addAmbition')}</Button>
        <FieldError id="new-ambition-error" error={error} />
      </form>
      <Heading level={3}>{t(lang, 'annexTexts')}</Heading>
      {ANNEX_TEXT_KEYS.map((key) => (
        <TextField
          key={key}
          label={t(lang, key)}
          help={t(lang, 'paragraphHelp')}
          multiline
          rows={key.endsWith('Intro') ? 7 : 2}
          value={jaarplan.texts[key]}
          onSave={(value) => save('jaarplan.updateTexts', { texts: { [key]: value } })}
        />
      ))}
    </section>
  );
}
