// The option lists that several selects share: phases and actiepunt statuses, in the user's language.
import { ACTIEPUNT_STATUSES } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';
import { PHASES, PHASE_LABELS } from '../../shared/phase';

export function PhaseOptions({ lang }: { lang: Lang }) {
  return PHASES.map((p) => (
    <option key={p} value={p}>
      {PHASE_LABELS[lang][p]}
    </option>
  ));
}

export function StatusOptions({ lang }: { lang: Lang }) {
  return ACTIEPUNT_STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(lang, `status_${s}`)}
    </option>
  ));
}
