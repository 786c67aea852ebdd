// The C&R rapportage as a Word report (priority dossiers at length) and as a workbook (every table
// on its own sheet, plus the phase history and the ambition matrix).
import { formatDutchDate } from '../dates';
import { t } from '../i18n';
import { describePriority } from '../meeting-text';
import { bucketLabel, formatPhase } from '../phase';
import { actiepuntCell, deadlineValue, subPointsText } from './bijlage2-layout';
import { deadlineCell } from './bijlage2-model';
import type { Block, CellBlock, DocumentSpec, Run, SheetValue, TableRow, WorkbookSpec } from './document';
import type { Rapportage, RapportageDossier } from './rapportage-model';


const text = (...runs: Run[]): CellBlock[] => [{ kind: 'paragraph', runs }];
const describeStatus = (a: Rapportage['actiepunten']['rows'][number]): string =>
  [t('nl', `status_${a.status}`), a.overdue ? 'te laat' : null, a.isNew ? 'nieuw' : null].filter(Boolean).join(', ');

function dossierTable(dossiers: RapportageDossier[], reference: string, extra: 'owner' | 'since'): Block {
  return {
    kind: 'table',
    columns: [
      { header: 'Dossier', width: 0.46 },
      { header: 'Fase nu', width: 0.2 },
      { header: `Fase op ${reference}`, width: 0.2 },
      { header: extra === 'owner' ? 'Eigenaar' : 'Sinds', width: 0.14 },
    ],
    rows: dossiers.map((d) => ({
      cells: [
        text(`${d.number}. `, { text: d.title, link: d.link ?? undefined }, ...(d.priority ? [' (prioriteit, zie hierboven)'] : [])),
        text(formatPhase(d.phase)),
        text(formatPhase(d.phaseOnReference)),
        text(extra === 'owner' ? (d.owner ?? '-') : formatDutchDate(d.history.at(-1)!.date)),
      ],
    })),
  };
}

/** "1 dossier is", "2 dossiers zijn": Dutch that agrees in number. */
const count = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

const orNone = (blocks: Block[], empty: string): Block[] =>
  blocks.length ? blocks : [{ kind: 'paragraph', runs: [empty], style: 'muted' }];

function priorityDossier(d: RapportageDossier, reference: string): Block[] {
  const facts: Array<[string, Run[] | null]> = [
    ['Voortgangsfase nu', [formatPhase(d.phase)]],
    [`Voortgangsfase op ${reference}`, [formatPhase(d.phaseOnReference)]],
    ['Prioriteit', [d.rank === null ? 'Ja' : `Ja, rang ${d.rank}`]],
    ['Hoofddossier', d.hoofddossier ? [d.hoofddossier] : null],
    ['Eigenaar', d.owner ? [d.owner] : null],
    ['Ambities', d.ambitions.length ? [d.ambitions.join(', ')] : null],
    ['Planning', d.planning ? [d.planning] : null],
    ['Dossierpagina', d.link ? [{ text: d.link, link: d.link }] : null],
  ];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `${d.number}. ${d.title}` },
    {
      kind: 'table',
      header: false,
      columns: [
        { header: 'Gegeven', width: 0.3 },
        { header: 'Stand', width: 0.7 },
      ],
      rows: facts.flatMap(([label, value]) => (value ? [{ cells: [text({ text: label, bold: true }), text(...value)] }] : [])),
    },
  ];
  if (d.description) blocks.push({ kind: 'paragraph', runs: [d.description] });
  if (d.note) blocks.push({ kind: 'paragraph', runs: [{ text: 'Toelichting: ', bold: true }, d.note] });
  blocks.push({ kind: 'paragraph', runs: ['Verloop'], style: 'label' });
  blocks.push({
    kind: 'list',
    items: d.history.map((row) => [`${formatDutchDate(row.date)}: ${formatPhase(row.value)}${row.note ? ` – ${row.note}` : ''}`]),
  });
  if (d.actiepunten.length) {
    blocks.push({ kind: 'paragraph', runs: ['Actiepunten'], style: 'label' });
    blocks.push({
      kind: 'list',
      items: d.actiepunten.map((a) => [`${a.number}. ${a.text} (${a.status ? t('nl', `status_${a.status}`) : '-'})`]),
    });
  }
  return blocks;
}

export function rapportageDocument(r: Rapportage): DocumentSpec {
  const date = formatDutchDate(r.date);
  const reference = formatDutchDate(r.referenceDate);
  const since = formatDutchDate(r.since);
  const c = r.actiepunten.counts;
  const comparedWith = r.lastReport
    ? `de peildatum van het jaarplan (${reference}) en met het vorige overleg (${r.lastReport.number}, ${formatDutchDate(r.lastReport.date)})`
    : `de peildatum van het jaarplan (${reference})`;
  const countRows: TableRow[] = r.counts.map((row) => ({
    cells: [text(bucketLabel(row.bucket)), text(String(row.onReference)), text(String(row.now)), text(signed(row.now - row.onReference))],
  }));
  countRows.push({
    kind: 'highlight',
    cells: [
      text({ text: 'Totaal', bold: true }),
      text(String(r.counts.reduce((n, row) => n + row.onReference, 0))),
      text(String(r.counts.reduce((n, row) => n + row.now, 0))),
      text(''),
    ],
  });
  const ambitionHeader = (a: Rapportage['ambitions'][number]) => (a.focus ? `${a.name}*` : a.name);
  const blocks: Block[] = [
    { kind: 'title', lines: ['Change & Release rapportage', r.board, `Stand op ${date}`, r.jaarplanTitle] },
    { kind: 'heading', level: 1, text: 'Samenvatting' },
    {
      kind: 'paragraph',
      runs: [
        `Deze rapportage beschrijft de stand van de dossiers en actiepunten op ${date}, vergeleken met ${comparedWith}. ` +
          `${count(r.priority.length, 'dossier heeft', 'dossiers hebben')} prioriteit van het TB; ${count(r.moved.length, 'dossier is', 'dossiers zijn')} sinds ${since} van fase gewisseld of nieuw.`,
      ],
    },
    {
      kind: 'table',
      columns: [
        { header: 'Voortgangsfase', width: 0.4 },
        { header: `Op ${reference}`, width: 0.2 },
        { header: `Op ${date}`, width: 0.2 },
        { header: 'Verschil', width: 0.2 },
      ],
      rows: countRows,
    },
    { kind: 'heading', level: 2, text: `Wat is er bewogen sinds ${since}` },
    ...orNone(
      r.moved.length
        ? [
            {
              kind: 'table',
              columns: [
                { header: 'Dossier', width: 0.44 },
                { header: 'Van', width: 0.2 },
                { header: 'Naar', width: 0.2 },
                { header: 'Datum', width: 0.16 },
              ],
              rows: r.moved.map((m) => ({
                cells: [text(`${m.number}. ${m.title}`), text(m.from ? formatPhase(m.from) : 'Nieuw dossier'), text(formatPhase(m.to)), text(formatDutchDate(m.date))],
              })),
            },
          ]
        : [],
      `Geen dossier is sinds ${since} van fase gewisseld.`,
    ),
    { kind: 'heading', level: 2, text: `Prioriteiten sinds ${since}` },
    ...orNone(
      r.priorityChanges.length
        ? [
            {
              kind: 'table',
              columns: [
                { header: 'Dossier', width: 0.44 },
                { header: 'Was', width: 0.2 },
                { header: 'Nu', width: 0.2 },
                { header: 'Datum', width: 0.16 },
              ],
              rows: r.priorityChanges.map((p) => ({
                cells: [
                  [{ kind: 'paragraph' as const, runs: [`${p.number}. ${p.title}`] }, ...(p.note ? [{ kind: 'paragraph' as const, runs: [p.note], style: 'muted' as const }] : [])],
                  text(describePriority('nl', p.before)),
                  text(describePriority('nl', p.after)),
                  text(formatDutchDate(p.date)),
                ],
              })),
            },
          ]
        : [],
      `Geen prioriteit of rang is sinds ${since} gewijzigd.`,
    ),
    { kind: 'heading', level: 2, text: 'Actiepunten in het kort' },
    {
      kind: 'paragraph',
      runs: [
        `${c.open} open, ${c.in_uitvoering} in uitvoering, ${c.afgerond} afgerond, ${c.vervallen} vervallen; ` +
          `${c.overdue} over de deadline en ${c.new} nieuw sinds ${since}.`,
      ],
    },
    // No forced page breaks: a heading keeps with what follows it, so no page is left mostly empty.
    { kind: 'heading', level: 1, text: 'Dossiers met prioriteit' },
    ...orNone(r.priority.flatMap((d) => priorityDossier(d, reference)), 'Er zijn geen dossiers met prioriteit.'),
    { kind: 'heading', level: 1, text: 'Overige actieve dossiers' },
    ...orNone(r.active.length ? [dossierTable(r.active, reference, 'owner')] : [], 'Geen.'),
    { kind: 'heading', level: 1, text: 'Backlog: nieuwe dossiers' },
    ...orNone(r.backlog.length ? [dossierTable(r.backlog, reference, 'since')] : [], 'De backlog is leeg.'),
    { kind: 'heading', level: 1, text: 'Geparkeerde dossiers' },
    ...orNone(r.parked.length ? [dossierTable(r.parked, reference, 'since')] : [], 'Geen.'),
    { kind: 'heading', level: 1, text: 'Afgeronde dossiers' },
    ...orNone(r.done.length ? [dossierTable(r.done, reference, 'since')] : [], 'Geen.'),
    { kind: 'heading', level: 1, text: 'Bijdrage aan de ambities' },
    ...orNone(
      r.matrix.length && r.ambitions.length
        ? [
            {
              kind: 'table',
              columns: [
                // Upright ambition names keep the marks' columns narrow and the dossier titles wide.
                { header: 'Dossier', width: Math.max(0.4, 1 - 0.09 * r.ambitions.length) },
                ...r.ambitions.map((a) => ({ header: ambitionHeader(a), width: 0.09, upright: true })),
              ],
              rows: [
                ...r.matrix.map(
                  (row): TableRow => ({
                    kind: row.priority ? 'highlight' : 'normal',
                    cells: [
                      row.serves.some(Boolean)
                        ? text(`${row.number}. ${row.title}`)
                        : [{ kind: 'paragraph' as const, runs: [`${row.number}. ${row.title}`] }, { kind: 'paragraph' as const, runs: ['geen ambitie'], style: 'muted' as const }],
                      ...row.serves.map((s) => text(s ? '✓' : '')),
                    ],
                  }),
                ),
                {
                  kind: 'highlight',
                  cells: [
                    text({ text: 'Aantal dossiers', bold: true }),
                    ...r.ambitions.map((_, i) => text(String(r.matrix.filter((row) => row.serves[i]).length))),
                  ],
                },
              ],
            },
          ]
        : [],
      'Er zijn geen dossiers of geen ambities.',
    ),
    ...(r.matrix.length && r.ambitions.length
      ? [
          {
            kind: 'paragraph' as const,
            runs: [
              `${withoutAmbition(r)} van de ${r.matrix.length} dossiers ${withoutAmbition(r) === 1 ? 'draagt' : 'dragen'} (nog) aan geen ambitie bij.` +
                `${r.ambitions.some((a) => a.focus) ? ' * Focus van het jaarplan.' : ''} Dossiers met prioriteit zijn gemarkeerd.`,
            ],
            style: 'small' as const,
          },
        ]
      : []),
    { kind: 'heading', level: 1, text: 'Actiepunten' },
    ...orNone(
      r.actiepunten.rows.length
        ? [
            {
              kind: 'table',
              columns: [
                { header: 'Actiepunt', width: 0.5 },
                { header: 'Eigenaar', width: 0.16 },
                { header: 'Deadline', width: 0.14 },
                { header: 'Status', width: 0.2 },
              ],
              rows: r.actiepunten.rows.map(
                (a): TableRow => ({
                  kind: a.overdue ? 'highlight' : 'normal',
                  cells: [
                    actiepuntCell(a),
                    text(a.owner),
                    // The remark where there is no deadline, as the annex has it ("(Reeds in het TB ingebracht)").
                    deadlineCell(a.deadline, a.remarks).map((line) => ({ kind: 'paragraph' as const, runs: [line] })),
                    text(describeStatus(a)),
                  ],
                }),
              ),
            },
          ]
        : [],
      'Er zijn geen actiepunten.',
    ),
  ];
  return {
    title: `Change & Release rapportage ${date} – ${r.board}`,
    subject: `${r.jaarplanTitle}, stand op ${date}`,
    footer: `Change & Release rapportage – stand op ${date}`,
    blocks,
  };
}

const withoutAmbition = (r: Rapportage): number => r.matrix.filter((row) => !row.serves.some(Boolean)).length;

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

function category(d: RapportageDossier): string {
  if (d.priority) return 'Prioriteit';
  return { nieuw: 'Backlog', geparkeerd: 'Geparkeerd', afgerond: 'Afgerond' }[d.bucket as string] ?? 'Actief';
}

export function rapportageWorkbook(r: Rapportage): WorkbookSpec {
  const date = formatDutchDate(r.date);
  const reference = formatDutchDate(r.referenceDate);
  // Each dossier once (a priority dossier is also listed in its phase's section).
  const all = [...new Map([...r.priority, ...r.active, ...r.backlog, ...r.parked, ...r.done].map((d) => [d.number, d])).values()].sort((a, b) => a.number - b.number);
  return {
    title: `Change & Release rapportage ${date} – ${r.board}`,
    subject: `${r.jaarplanTitle}, stand op ${date}`,
    printDate: `Stand op ${date}`,
    sheets: [
      {
        name: 'Samenvatting',
        columns: [
          { header: 'Voortgangsfase', width: 22 },
          { header: `Op ${reference}`, width: 14, kind: 'number' },
          { header: `Op ${date}`, width: 14, kind: 'number' },
          { header: 'Verschil', width: 12, kind: 'number' },
        ],
        rows: [
          ...r.counts.map((row) => ({ values: [bucketLabel(row.bucket), row.onReference, row.now, row.now - row.onReference] as SheetValue[] })),
          // The totals as a reader checks them (issue 13: the sheet had none).
          {
            highlight: true,
            values: [
              'Totaal',
              r.counts.reduce((n, row) => n + row.onReference, 0),
              r.counts.reduce((n, row) => n + row.now, 0),
              r.counts.reduce((n, row) => n + row.now - row.onReference, 0),
            ],
          },
        ],
      },
      {
        name: 'Prioriteiten',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Dossier', width: 44 },
          { header: `Prioriteit op ${formatDutchDate(r.since)}`, width: 24 },
          { header: 'Prioriteit nu', width: 24 },
          { header: 'Datum', width: 12, kind: 'date' },
          { header: 'Notitie', width: 40 },
        ],
        rows: r.priorityChanges.map((p) => ({ values: [p.number, p.title, describePriority('nl', p.before), describePriority('nl', p.after), { date: p.date }, p.note] })),
      },
      {
        name: 'Bewogen',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Dossier', width: 48 },
          { header: `Fase op ${formatDutchDate(r.since)}`, width: 26 },
          { header: 'Fase nu', width: 26 },
          { header: 'Datum', width: 12, kind: 'date' },
        ],
        rows: r.moved.map((m) => ({ values: [m.number, m.title, m.from ? formatPhase(m.from) : 'Nieuw dossier', formatPhase(m.to), { date: m.date }] })),
      },
      {
        name: 'Dossiers',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Dossier', width: 44 },
          { header: 'Categorie', width: 12 },
          { header: 'Rang', width: 7, kind: 'number' },
          { header: 'Fase nu', width: 24 },
          { header: `Fase op ${reference}`, width: 24 },
          { header: 'Hoofddossier', width: 20 },
          { header: 'Eigenaar', width: 16 },
          { header: 'Ambities', width: 24 },
          { header: 'Planning', width: 30 },
          { header: 'Toelichting', width: 40 },
          { header: 'Link', width: 30 },
        ],
        rows: all.map((d) => ({
          highlight: d.priority,
          values: [
            d.number,
            d.title,
            category(d),
            d.rank,
            formatPhase(d.phase),
            formatPhase(d.phaseOnReference),
            d.hoofddossier,
            d.owner,
            d.ambitions.join(', ') || null,
            d.planning,
            d.note,
            d.link ? { text: d.link, link: d.link } : null,
          ],
        })),
      },
      {
        name: 'Fasehistorie',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Dossier', width: 44 },
          { header: 'Datum', width: 12, kind: 'date' },
          { header: 'Voortgangsfase', width: 26 },
          { header: 'Notitie', width: 50 },
        ],
        rows: all.flatMap((d) =>
          d.history.map((row) => ({ highlight: d.priority, values: [d.number, d.title, { date: row.date }, formatPhase(row.value), row.note] })),
        ),
      },
      {
        name: 'Ambities',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Dossier', width: 44 },
          ...r.ambitions.map((a) => ({ header: a.focus ? `${a.name} (focus)` : a.name, width: Math.max(12, a.name.length + 4) })),
          { header: 'Geen ambitie', width: 14 },
        ],
        rows: r.matrix.map((row) => ({
          highlight: row.priority,
          values: [row.number, row.title, ...row.serves.map((s) => (s ? '✓' : null)), row.serves.some(Boolean) ? null : 'geen ambitie'],
        })),
      },
      {
        name: 'Actiepunten',
        columns: [
          { header: 'Nr.', width: 6, kind: 'number' },
          { header: 'Actiepunt', width: 50 },
          { header: 'Subpunten', width: 44 },
          { header: 'Eigenaar', width: 18 },
          { header: 'Deadline', width: 12, kind: 'date' },
          { header: 'Opmerking', width: 24 },
          { header: 'Status', width: 14 },
          { header: 'Te laat', width: 9 },
          { header: 'Nieuw', width: 9 },
          { header: 'Dossier', width: 9, kind: 'number' },
        ],
        rows: r.actiepunten.rows.map((a) => ({
          highlight: a.overdue,
          values: [
            a.number,
            a.text,
            subPointsText(a.subPoints),
            a.owner,
            deadlineValue(a.deadline),
            a.remarks,
            t('nl', `status_${a.status}`),
            a.overdue ? 'Ja' : 'Nee',
            a.isNew ? 'Ja' : 'Nee',
            a.dossier,
          ],
        })),
      },
    ],
  };
}
