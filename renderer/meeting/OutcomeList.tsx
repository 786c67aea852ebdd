// What was recorded on an agenda item: besluiten with their numbers (and what replaced them),
// actiepunten, notities and prioriteitswijzigingen, each with who recorded it.
import { Button } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { EDITABLE, type AgendaItem, type Meeting, type Outcome } from '../../shared/meeting';
import { joinOwners } from '../../shared/owners';
import { save } from '../components/fields';
import { useUi } from '../stores/ui';
import { useRegister } from '../stores/register';
import { formatDeadline } from '../../shared/report/bijlage2-model';
import { describeOutcome } from '../../shared/meeting-text';

export function OutcomeLine({ outcome: o }: { outcome: Outcome }) {
  const lang = useUi((s) => s.lang);
  // An actiepunt's owners and deadline as the register holds them now.
  const actiepunt = useRegister((s) => (o.actiepunt === null ? undefined : s.actiepunten.find((a) => a.number === o.actiepunt)));
  const who = actiepunt ? [joinOwners(actiepunt.owners), actiepunt.deadline ? formatDeadline(actiepunt.deadline) : ''].filter(Boolean).join(', ') : '';
  return (
    <>
      <span className={`badge outcome-${o.kind}`}>{t(lang, `outcome_${o.kind}`)}</span> <span className="outcome-text">{describeOutcome(lang, o)}</span>
      {who && <span className="nowrap"> ({who})</span>}
      {o.replaces && <span className="muted"> · {t(lang, o.replaces.kind === 'vervangt' ? 'replaces' : 'withdraws', { decision: o.replaces.decision })}</span>}
      {o.replacedBy && (
        <span className="replaced">
          {' '}
          · {t(lang, o.replacedBy.kind === 'vervangt' ? 'replacedBy' : 'withdrawnBy', { decision: o.replacedBy.decision || t(lang, 'decisionUnnumbered'), meeting: o.replacedBy.meeting })}
        </span>
      )}
      {o.recordedBy && <span className="muted"> · {t(lang, 'recordedBy', { name: o.recordedBy.name, role: t(lang, `role_${o.recordedBy.role}`) })}</span>}
    </>
  );
}

export function OutcomeList({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const lang = useUi((s) => s.lang);
  if (item.outcomes.length === 0) return null;
  const editable = EDITABLE.outcomes(meeting.state);
  return (
    <ul className="outcomes" aria-label={`${t(lang, 'outcomes')}: ${item.title}`} data-testid={`outcomes-${item.number}`}>
      {item.outcomes.map((o) => (
        <li key={o.id} className={o.replacedBy ? 'is-replaced' : undefined}>
          <OutcomeLine outcome={o} />
          {editable && o.kind !== 'prioriteit' && (
            <Button
              appearance="subtle-button"
              className="small"
              aria-label={`${t(lang, 'removeOutcome')}: ${describeOutcome(lang, o)}`}
              onClick={() => void save('outcome.remove', { id: o.id }).then((e) => e && useUi.getState().announce(e))}
            >
              ✕
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
