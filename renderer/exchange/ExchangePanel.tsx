// Beheer › Uitwisselen (issue 17): this device's code, sending changes to a file, receiving a file
// (preview first, pairing by comparing codes, a warning for a file from the future), taking the
// last file back, the paired devices, and the Te beoordelen list.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Heading, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextInput } from '@rijkshuisstijl-community/components-react';
import type { ExchangePreview, ExchangeStatus } from '../../shared/exchange';
import { whoText } from '../../shared/exchange-text';
import { t } from '../../shared/i18n';
import type { CallError } from '../../shared/errors';
import { invoke } from '../client';
import { describeError } from '../error-text';
import { FieldError, PlacedField, placed, placeError, NativeSelect, type FormError } from '../components/fields';
import { FolderField, rememberFolder } from '../components/FolderField';
import { localTimestamp } from '../meeting/describe';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';
import { ConflictList } from './ConflictList';

const when = (at: string | null) => (at ? localTimestamp(at) : '–');

export function ExchangePanel() {
  const lang = useUi((s) => s.lang);
  const version = useRegister((s) => s.version);
  const [status, setStatus] = useState<ExchangeStatus | null>(null);
  const reload = () => void invoke('exchange.status').then((r) => r.ok && setStatus(r.value));
  useEffect(reload, [version]);
  const asError = (error: CallError): FormError => ({ field: error.field, text: describeError(lang, error) });
  if (!status) return null;
  return (
    <section aria-labelledby="exchange-heading" className="exchange" data-testid="exchange">
      <Heading level={3} id="exchange-heading">{t(lang, 'exchange')}</Heading>
      <p className="muted">{t(lang, 'exchangeIntro')}</p>
      <div className="exchange-device">
        <span>{t(lang, 'exchangeCode')}:</span>{' '}
        <code className="device-code" data-testid="device-code">{status.fingerprint}</code>
        <p className="muted">
          {t(lang, 'exchangeCodeHelp')} {t(lang, status.numbering ? 'exchangeNumbering' : 'exchangeNotNumbering')}
        </p>
      </div>
      <SendForm status={status} onDone={reload} asError={asError} />
      <ReceiveForm status={status} onDone={reload} asError={asError} />
      <Peers status={status} />
      <ConflictList onDecided={reload} />
    </section>
  );
}

function SendForm({ status, onDone, asError }: { status: ExchangeStatus; onDone: () => void; asError: (e: CallError) => FormError }) {
  const lang = useUi((s) => s.lang);
  const [outDir, setOutDir] = useState('');
  const [to, setTo] = useState('');
  const [all, setAll] = useState(false);
  const [whole, setWhole] = useState(false);
  const [lock, setLock] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const place = placeError(error, ['outDir', 'passphrase']);
  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMade(null);
    const r = await invoke('exchange.send', { outDir, all, whole, ...(to ? { to } : {}), ...(lock ? { passphrase } : {}) });
    setBusy(false);
    if (!r.ok) return setError(asError(r.error));
    setError(null);
    rememberFolder(outDir);
    setMade(t(lang, 'exchangeMade', { count: r.value.changes, file: r.value.file }));
    useUi.getState().announce(t(lang, 'exchangeMade', { count: r.value.changes, file: r.value.file }));
    onDone();
  }
  return (
    <form className="subform" aria-labelledby="exchange-send-heading" onSubmit={(e) => void send(e)}>
      <Heading level={4} id="exchange-send-heading">{t(lang, 'exchangeSend')}</Heading>
      <FolderField lang={lang} id="exchange-out" label={t(lang, 'exportFolder')} value={outDir} onChange={setOutDir} error={place.at('outDir')} />
      {status.peers.length > 0 && (
        <PlacedField id="exchange-to" label={t(lang, 'exchangeFor')} error={null}>
          <NativeSelect id="exchange-to" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t(lang, 'exchangeForAll')}</option>
            {status.peers.map((p) => (
              <option key={p.device} value={p.device}>
                {whoText(p.name, p.role, lang)}
              </option>
            ))}
          </NativeSelect>
        </PlacedField>
      )}
      <label className="check">
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} /> {t(lang, 'exchangeAll')}
      </label>
      <label className="check">
        <Checkbox checked={whole} onChange={(e) => setWhole(e.target.checked)} /> {t(lang, 'exchangeWhole')}
      </label>
      <label className="check">
        <Checkbox checked={lock} onChange={(e) => setLock(e.target.checked)} /> {t(lang, 'exchangeLock')}
      </label>
      {lock && (
        <PlacedField id="exchange-passphrase" label={t(lang, 'exchangePassphrase')} help={t(lang, 'exchangePassphraseHelp')} error={place.at('passphrase')}>
          <TextInput type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} {...placed(place, 'passphrase', 'exchange-passphrase', true)} />
        </PlacedField>
      )}
      <FieldError id="exchange-send-error" error={place.rest} />
      <div className="actions">
        <Button type="submit" appearance="primary-action-button" disabled={busy || !outDir.trim()}>
          {t(lang, 'exchangeMake')}
        </Button>
      </div>
      {made && (
        <p className="saved-flash" role="status" data-testid="exchange-made">
          {made}
        </p>
      )}
    </form>
  );
}

function ReceiveForm({ status, onDone, asError }: { status: ExchangeStatus; onDone: () => void; asError: (e: CallError) => FormError }) {
  const lang = useUi((s) => s.lang);
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const [codeChecked, setCodeChecked] = useState(false);
  const [future, setFuture] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [result, setResult] = useState<string | null>(null);
  // Toepassen, vervangen and ongedaan maken take their own button away: the keyboard goes to what they say.
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) said.current?.focus();
  }, [result]);
  const [busy, setBusy] = useState(false);
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const place = placeError(error, ['file', 'passphrase', 'pairCode', 'acceptFuture']);
  const input = () => ({ file: file.trim(), ...(passphrase ? { passphrase } : {}) });

  async function look(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    setPreview(null);
    const r = await invoke('exchange.preview', input());
    setBusy(false);
    if (!r.ok) {
      if (r.error.field === 'passphrase') setAskPassphrase(true);
      return setError(asError(r.error));
    }
    setError(null);
    setCodeChecked(false);
    setFuture(false);
    setPreview(r.value);
  }
  async function apply() {
    if (!preview) return;
    setBusy(true);
    const r = await invoke('exchange.receive', { ...input(), acceptFuture: future, ...(preview.paired ? {} : { pairCode: preview.from.fingerprint }) });
    setBusy(false);
    if (!r.ok) return setError(asError(r.error));
    setError(null);
    setPreview(null);
    setResult(t(lang, 'exchangeApplied', { summary: r.value.summary }));
    useUi.getState().announce(r.value.summary);
    await useRegister.getState().load();
    onDone();
  }
  async function replace() {
    if (!preview) return;
    setBusy(true);
    const r = await invoke('exchange.replace', { ...input(), ...(preview.paired ? {} : { pairCode: preview.from.fingerprint }) });
    setBusy(false);
    setReplacing(false);
    if (!r.ok) return setError(asError(r.error));
    setError(null);
    setPreview(null);
    const done = t(lang, 'exchangeReplaced', { who: whoText(preview.from.name, preview.from.role, lang) });
    setResult(done);
    useUi.getState().announce(done);
    await useRegister.getState().load();
    onDone();
  }
  async function undo() {
    setBusy(true);
    const r = await invoke('exchange.undo');
    setBusy(false);
    if (!r.ok) return setError(asError(r.error));
    setResult(t(lang, 'exchangeUndoDone'));
    useUi.getState().announce(t(lang, 'exchangeUndoDone'));
    await useRegister.getState().load();
    onDone();
  }
  const sender = preview ? whoText(preview.from.name, preview.from.role, lang) : '';
  const canApply = preview && preview.changes > 0 && (preview.paired || codeChecked) && (!preview.futureWarning || future);
  const receipt = status.lastReceipt;
  return (
    <form className="subform" aria-labelledby="exchange-receive-heading" onSubmit={(e) => void look(e)}>
      <Heading level={4} id="exchange-receive-heading">{t(lang, 'exchangeReceive')}</Heading>
      <PlacedField id="exchange-file" label={t(lang, 'exchangeFile')} help={t(lang, 'exchangeFileHelp')} error={place.at('file')} grow>
        <TextInput value={file} spellCheck={false} onChange={(e) => (setFile(e.target.value), setPreview(null))} {...placed(place, 'file', 'exchange-file', true)} />
      </PlacedField>
      {(askPassphrase || passphrase) && (
        <PlacedField id="exchange-open-passphrase" label={t(lang, 'exchangePassphrase')} error={place.at('passphrase')}>
          <TextInput type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} {...placed(place, 'passphrase', 'exchange-open-passphrase')} />
        </PlacedField>
      )}
      <div className="actions">
        <Button type="submit" appearance="secondary-action-button" disabled={busy || !file.trim()}>
          {t(lang, 'exchangePreview')}
        </Button>
      </div>
      {preview && (
        <div className="exchange-preview" data-testid="exchange-preview" aria-live="polite">
          <p>
            <strong>{preview.summary}</strong>
          </p>
          <p className="muted">{t(lang, 'exchangeFrom', { who: sender, when: when(preview.createdAt) })}</p>
          {!preview.paired && (
            <div className="pairing">
              <p>{t(lang, 'exchangePair', { who: sender })}</p>
              <p>
                <code className="device-code" data-testid="sender-code">{preview.from.fingerprint}</code>
              </p>
              <label className="check">
                <Checkbox checked={codeChecked} onChange={(e) => setCodeChecked(e.target.checked)} /> {t(lang, 'exchangePairConfirm', { who: sender })}
              </label>
            </div>
          )}
          {preview.futureWarning && (
            <Alert type="warning">
              <p>{t(lang, 'exchangeFuture', { when: when(preview.futureWarning) })}</p>
              <label className="check">
                <Checkbox checked={future} onChange={(e) => setFuture(e.target.checked)} /> {t(lang, 'exchangeFutureConfirm')}
              </label>
            </Alert>
          )}
          {preview.changes > 0 && !preview.otherRegister && (
            <div className="actions">
              <Button appearance="primary-action-button" disabled={busy || !canApply} onClick={() => void apply()}>
                {t(lang, 'exchangeApply')}
              </Button>
            </div>
          )}
          {preview.whole && (
            <div className="actions" role="group" aria-label={t(lang, 'exchangeReplace', { who: sender })}>
              {replacing ? (
                <>
                  <p>{t(lang, 'exchangeReplaceConfirm', { who: sender })}</p>
                  <Button appearance="primary-action-button" hint="danger" disabled={busy || !(preview.paired || codeChecked)} onClick={() => void replace()}>
                    {t(lang, 'exchangeReplaceYes')}
                  </Button>
                  <Button appearance="secondary-action-button" onClick={() => setReplacing(false)}>
                    {t(lang, 'cancel')}
                  </Button>
                </>
              ) : (
                <Button appearance="secondary-action-button" hint="danger" disabled={busy || !(preview.paired || codeChecked)} onClick={() => setReplacing(true)}>
                  {t(lang, 'exchangeReplace', { who: sender })}
                </Button>
              )}
            </div>
          )}
        </div>
      )}
      <FieldError id="exchange-receive-error" error={place.rest ?? place.at('pairCode') ?? place.at('acceptFuture')} />
      {result && (
        <p className="saved-flash" role="status" data-testid="exchange-result" ref={said} tabIndex={-1}>
          {result}
        </p>
      )}
      {receipt?.undoable && (
        <div className="exchange-undo">
          <p className="muted">{t(lang, 'exchangeUndoHelp', { who: whoText(receipt.name, receipt.role, lang), when: when(receipt.at) })}</p>
          <Button appearance="secondary-action-button" disabled={busy} onClick={() => void undo()}>
            {t(lang, 'exchangeUndo')}
          </Button>
        </div>
      )}
    </form>
  );
}

function Peers({ status }: { status: ExchangeStatus }) {
  const lang = useUi((s) => s.lang);
  return (
    <>
      <Heading level={4} id="exchange-peers-heading">{t(lang, 'exchangePeers')}</Heading>
      {status.peers.length === 0 ? (
        <p className="muted">{t(lang, 'exchangeNoPeers')}</p>
      ) : (
        <Table className="register-table" aria-labelledby="exchange-peers-heading" data-testid="exchange-peers">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t(lang, 'exchangeWho')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'exchangePeerCode')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'exchangeReceived')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'exchangeSent')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">{t(lang, 'exchangeUnsent')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {status.peers.map((p) => (
              <TableRow key={p.device}>
                <TableHeaderCell scope="row">{whoText(p.name, p.role, lang)}</TableHeaderCell>
                <TableCell>
                  <code>{p.fingerprint ?? '–'}</code>
                </TableCell>
                <TableCell>{when(p.receivedAt)}</TableCell>
                <TableCell>{when(p.sentAt)}</TableCell>
                <TableCell className="num">{p.unsent}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
