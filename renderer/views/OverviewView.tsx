// The register at a glance: dossiers per phase on the reference date against now (a chart, with
// the same figures as a table for screen readers), the priority dossiers, and the action points.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Heading, LinkButton, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import { bucketLabel, bucketOf, formatPhase, PHASE_BUCKETS, samePhaseState } from '../../shared/phase';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';
import { marksOf, useMarkDates } from './ActiepuntenView';

export function OverviewView() {
  const lang = useUi((s) => s.lang);
  const { dossiers, actiepunten, jaarplan } = useRegister();
  const reference = jaarplan ? formatDutchDate(jaarplan.referenceDate) : '-';
  const data = PHASE_BUCKETS.map((bucket) => ({
    bucket,
    label: bucketLabel(bucket, lang),
    reference: dossiers.filter((d) => d.phaseOnReference && bucketOf(d.phaseOnReference) === bucket).length,
    now: dossiers.filter((d) => d.phase && bucketOf(d.phase) === bucket).length,
  }));
  const priority = dossiers.filter((d) => d.priority).sort((a, b) => (a.priorityRank ?? 1e9) - (b.priorityRank ?? 1e9) || a.number - b.number);
  const { today, since } = useMarkDates();
  const marks = actiepunten.map((a) => marksOf(a, today, since));
  const counts = {
    open: actiepunten.filter((a) => a.status === 'open' || a.status === 'in_uitvoering').length,
    overdue: marks.filter((m) => m.overdue).length,
    done: actiepunten.filter((a) => a.status === 'afgerond').length,
    isNew: marks.filter((m) => m.isNew).length,
  };
  const refLabel = t(lang, 'chartOnReference', { date: reference });
  return (
    <section aria-labelledby="overview-heading" className="view">
      <Heading level={2} id="overview-heading">{t(lang, 'overview')}</Heading>
      <div className="overview-grid">
        <figure className="chart" aria-labelledby="chart-title">
          <figcaption id="chart-title">{t(lang, 'chartTitle')}</figcaption>
          <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
            <ResponsiveContainer>
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} width={40} />
                <Tooltip />
                {/* In the order of the bars (reference date, then now): recharts sorts by name by default, which put "Nu" first. */}
                <Legend itemSorter={(item) => (item.dataKey === 'reference' ? 0 : 1)} />
                <Bar dataKey="reference" name={refLabel} fill="#8aa5c8" isAnimationActive={false} />
                <Bar dataKey="now" name={t(lang, 'chartNow')} fill="#154273" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table className="register-table compact" data-testid="phase-counts">
            <caption className="visually-hidden">{t(lang, 'chartTitle')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t(lang, 'phase')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="num">{refLabel}</TableHeaderCell>
                <TableHeaderCell scope="col" className="num">{t(lang, 'chartNow')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((row) => (
                <TableRow key={row.bucket}>
                  <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                  <TableCell className="num">{row.reference}</TableCell>
                  <TableCell className="num">{row.now}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </figure>
        <section aria-labelledby="ap-glance" className="glance">
          <Heading level={3} id="ap-glance">{t(lang, 'actiepuntenAtAGlance')}</Heading>
          <dl className="tiles">
            <div className="tile">
              <dt>{t(lang, 'status_open')}</dt>
              <dd>{counts.open}</dd>
            </div>
            {/* Red only when something is overdue ("Te laat 0" in red alarmed for nothing). */}
            <div className={counts.overdue > 0 ? 'tile overdue' : 'tile'}>
              <dt>{t(lang, 'overdue')}</dt>
              <dd>{counts.overdue}</dd>
            </div>
            <div className="tile done">
              <dt>{t(lang, 'status_afgerond')}</dt>
              <dd>{counts.done}</dd>
            </div>
            <div className="tile new">
              <dt>{t(lang, 'newSince', { date: formatDutchDate(since) })}</dt>
              <dd>{counts.isNew}</dd>
            </div>
          </dl>
        </section>
      </div>
      <section aria-labelledby="prio-glance">
        <Heading level={3} id="prio-glance">
          {t(lang, 'priorityAtAGlance')} <span className="count">{priority.length}</span>
        </Heading>
        <ul className="cards">
          {priority.map((d) => (
            <li key={d.number} className={`prio-card bucket-${d.phase ? bucketOf(d.phase) : 'none'}`}>
              <LinkButton inline onClick={() => useUi.getState().openDossier(d.number)}>
                {d.priorityRank !== null && <span className="rank">{d.priorityRank}</span>} {d.number}. {d.title}
              </LinkButton>
              <p>
                <span className="phase-pill">{formatPhase(d.phase, lang)}</span>
                {!samePhaseState(d.phase, d.phaseOnReference) && (
                  <span className="muted"> {t(lang, 'movedSinceReference', { phase: formatPhase(d.phaseOnReference, lang) })}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
