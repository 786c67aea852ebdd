// Progress phases of a dossier and how the annexes write them.
// A phase state is (phase, qualifier, parked): "(Afronding) Implementatie" is phase
// implementatie with qualifier "Afronding"; "Geparkeerd (in Analysefase)" is phase analyse,
// parked; a plain "Geparkeerd" is parked without a known phase.

export const PHASES = ['nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseState {
  phase: Phase | null;
  qualifier: string | null;
  parked: boolean;
}

export const PHASE_LABELS: Record<'nl' | 'en', Record<Phase, string>> = {
  nl: {
    nieuw: 'Nieuw',
    analyse: 'Analyse',
    refinement: 'Refinement',
    implementatie: 'Implementatie',
    afgerond: 'Afgerond',
  },
  en: {
    nieuw: 'New',
    analyse: 'Analysis',
    refinement: 'Refinement',
    implementatie: 'Implementation',
    afgerond: 'Done',
  },
};

const PARKED_LABEL = { nl: 'Geparkeerd', en: 'Parked' } as const;

/** The phase as the annexes write it. */
export function formatPhase(state: PhaseState | null, lang: 'nl' | 'en' = 'nl'): string {
  if (!state) return '-';
  if (state.parked) {
    if (!state.phase) return PARKED_LABEL[lang];
    const name = PHASE_LABELS[lang][state.phase];
    return lang === 'nl' ? `${PARKED_LABEL.nl} (in ${name}fase)` : `${PARKED_LABEL.en} (in ${name.toLowerCase()} phase)`;
  }
  if (!state.phase) return '-';
  const name = PHASE_LABELS[lang][state.phase];
  return state.qualifier ? `(${state.qualifier}) ${name}` : name;
}

export function samePhaseState(a: PhaseState | null, b: PhaseState | null): boolean {
  if (!a || !b) return a === b;
  return a.phase === b.phase && a.qualifier === b.qualifier && a.parked === b.parked;
}

/** Where a dossier stands at a glance: its phase, or parked whatever its phase (board columns, counts). */
export const PHASE_BUCKETS = ['nieuw', 'analyse', 'refinement', 'implementatie', 'afgerond', 'geparkeerd'] as const;
export type PhaseBucket = (typeof PHASE_BUCKETS)[number];

export function bucketOf(state: PhaseState): PhaseBucket {
  return state.parked || state.phase === null ? 'geparkeerd' : state.phase;
}

export function bucketLabel(bucket: PhaseBucket, lang: 'nl' | 'en' = 'nl'): string {
  return bucket === 'geparkeerd' ? PARKED_LABEL[lang] : PHASE_LABELS[lang][bucket];
}
