/**
 * The rulebook and the code say the same thing (issue 11). rules/rulebook.md is read as a
 * reader sees it, its tables and its stated numbers are parsed, and each is compared with the
 * content (src/content) or the engine's constant (src/game) it describes: the starting tracks
 * and the shorter games (R2.2), the setup choices (R2.1), the track ranges and bands (R3), both
 * standard menus (R5.4), the deal terms (R7.1), the scheduled events (R9.2), the agendas (R10),
 * the scoring (R11.3) and the constants stated in the prose. A difference fails with the rule,
 * the row and both values named; fix whichever side is wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content';
import type { ScenarioDef, ScenarioId, Side, TrackId } from '../../src/content/types';
import { HAND_LIMIT } from '../../src/game/cards';
import { roundDate } from '../../src/game/dates';
import {
  COLLAPSE_RELATIONSHIP,
  COLLAPSE_SUPPORT,
  DEAL_COST,
  DEAL_HEALTH,
  HAWK_SWING,
  MAX_TERMS_PER_SIDE,
  SIGNING_INTERDEPENDENCE,
  SIGNING_RELATIONSHIP,
} from '../../src/game/deals';
import { DEFAULT_SETUP, LENGTHS } from '../../src/game/lengths';
import { DE_RISKING_FLOOR } from '../../src/game/round';
import { ACTIONS_PER_ROUND, BASE_INCOME, RECYCLE_COST } from '../../src/game/rules';
import { AGENDA_BONUS_DEFAULT, DEAL_BONUS, RESILIENCE_BASE } from '../../src/game/scoring';
import { LEVERAGE_CAP, RELATIONSHIP_BANDS, TRACKS } from '../../src/game/tracks';
import { headingSlug, ruleAnchorsBySlug, rulesHref } from '../../src/ui/pages/rulesLinks';
import { parseHash } from '../../src/ui/router';

const RULEBOOK = readFileSync(new URL('../../rules/rulebook.md', import.meta.url), 'utf8');
const SUMMARY = readFileSync(new URL('../../rules/summary.md', import.meta.url), 'utf8');

// ---------------------------------------------------------------------------------------------
// Reading the markdown

interface Table {
  /** The rule id of the section the table is in ("R2.2"), or "" before the first rule. */
  readonly rule: string;
  /** The last line of text above the table (its caption, such as "**Washington's menu …**"). */
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A table row's cells: split on unescaped pipes, trimmed, markdown emphasis and code marks removed. */
function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => plain(cell.replace(/\\\|/g, '|')));
}

/** Text without `**`, `*` and backticks, its minus signs as ASCII hyphens, and single spaces. */
function plain(text: string): string {
  return text
    .replace(/\*+|`/g, '')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Every table in the rulebook, with its rule section and caption. */
function tablesOf(markdown: string): Table[] {
  const lines = markdown.split('\n');
  const tables: Table[] = [];
  let rule = '';
  let caption = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const heading = /^#{1,6}\s+(R\d+(?:\.\d+)*)\b/.exec(line);
    if (heading?.[1]) {
      rule = heading[1];
      caption = '';
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (line.trim().startsWith('|') && SEPARATOR.test(next.trim())) {
      const header = cellsOf(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        rows.push(cellsOf(lines[i] ?? ''));
        i += 1;
      }
      i -= 1;
      tables.push({ rule, caption, header, rows });
      continue;
    }
    if (line.trim() !== '') caption = plain(line);
  }
  return tables;
}

const TABLES = tablesOf(RULEBOOK);

/** The one table of `rule` whose caption or header matches; a clear failure if there is none or more than one. */
function table(rule: string, match: (t: Table) => boolean = () => true): Table {
  const found = TABLES.filter((t) => t.rule === rule && match(t));
  if (found.length !== 1) throw new Error(`${rule}: expected one such table in rules/rulebook.md, found ${found.length}`);
  return found[0] as Table;
}

/** A row's cell under `column` (by header text); throws naming the table and the column if it is missing. */
function cell(t: Table, row: readonly string[], column: string): string {
  const index = t.header.indexOf(column);
  const value = row[index];
  if (index < 0 || value === undefined) throw new Error(`${t.rule} "${t.caption || t.header.join(' | ')}": no column "${column}" in row "${row[0] ?? ''}"`);
  return value;
}

/** A whole number written in a cell or a phrase ("4", "-2", "+1"); NaN if it is not one. */
function whole(text: string): number {
  return /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** The rulebook's prose as plain text, for the sentences that state a number. */
const PROSE = plain(RULEBOOK);

const TRACK_BY_LABEL = new Map(Object.values(TRACKS).map((info) => [info.label.toLowerCase(), info.id]));

/** The track a row names ("U.S. tariff (steps)" → usTariff), or undefined. */
function trackOf(label: string): TrackId | undefined {
  return TRACK_BY_LABEL.get(label.replace(/\s*\(steps\)$/, '').toLowerCase());
}

const SCENARIOS = [...CONTENT.scenarios.values()];
const SIDE_OF_NAME: Readonly<Record<string, Side>> = { Washington: 'us', Beijing: 'cn' };

/** Each difference as one readable line; the test lists them all. */
function differences(check: (problem: (text: string) => void) => void): string[] {
  const problems: string[] = [];
  check((text) => problems.push(text));
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('the rulebook and the code agree', () => {
  it('every table row has as many cells as its header (a row that cannot be read fails here)', () => {
    for (const t of TABLES) {
      for (const row of t.rows) expect(row.length, `${t.rule} "${t.caption}": row "${row[0] ?? ''}" has a wrong number of cells`).toBe(t.header.length);
    }
  });

  it('R2.1: the scenarios, the lengths and the defaults', () => {
    const scenarios = /a scenario: (.+?);/.exec(PROSE)?.[1] ?? '';
    const named = [...scenarios.matchAll(/(\d{4})( \(the default\))?/g)];
    expect(named.map((m) => m[1]).sort(), 'R2.1 lists the scenarios of src/content/scenarios.ts').toEqual([...CONTENT.scenarios.keys()].sort());
    expect(named.find((m) => m[2])?.[1], 'R2.1 names the default scenario').toBe(DEFAULT_SETUP.scenario);
    const lengths = /a length: ([\d, or]+) rounds \(the default is (\d+)\)/.exec(PROSE);
    expect(lengths, 'R2.1 states "a length: …, … or … rounds (the default is …)"').not.toBeNull();
    expect(lengths?.[1]?.split(/, | or /).map(Number), 'R2.1 lengths vs LENGTHS (src/game/lengths.ts)').toEqual([...LENGTHS]);
    expect(whole(lengths?.[2] ?? ''), 'R2.1 default length vs DEFAULT_SETUP').toBe(DEFAULT_SETUP.length);
  });

  it('R2.2: every starting track of every scenario, the offers, the deal and the first event', () => {
    const t = table('R2.2', (x) => x.header[0] === 'Track');
    const problems = differences((problem) => {
      const columns = new Map<ScenarioId, string>();
      for (const heading of t.header.slice(1)) {
        const scenario = SCENARIOS.find((s) => heading === plain(s.title));
        if (scenario) columns.set(scenario.id, heading);
        else problem(`R2.2: column "${heading}" names no scenario (titles in src/content/scenarios.ts: ${SCENARIOS.map((s) => s.title).join(', ')})`);
      }
      for (const s of SCENARIOS) if (!columns.has(s.id)) problem(`R2.2: no column for scenario ${s.id} ("${s.title}")`);
      const seen = new Set<TrackId>();
      for (const row of t.rows) {
        const label = row[0] ?? '';
        for (const [id, heading] of columns) {
          const s = CONTENT.scenarios.get(id) as ScenarioDef;
          const text = cell(t, row, heading);
          const at = `R2.2 row "${label}", column "${heading}"`;
          const track = trackOf(label);
          if (track) {
            seen.add(track);
            if (whole(text) !== s.tracks[track]) problem(`${at}: the rulebook says ${text}, src/content/scenarios.ts says ${s.tracks[track]}`);
          } else if (label === 'Factory offers on the table') {
            if (whole(text) !== s.pendingOffers) problem(`${at}: the rulebook says ${text}, the scenario's pendingOffers is ${s.pendingOffers}`);
          } else if (label === 'Deal in force') {
            if ((text === 'none') !== (s.deal === null)) problem(`${at}: the rulebook says "${text}", the scenario's deal is ${JSON.stringify(s.deal)}`);
          } else if (label === 'First round\'s event') {
            const first = s.schedule[1];
            if ((text === 'drawn') !== (first === undefined)) problem(`${at}: the rulebook says "${text}", the scenario schedules ${first ?? 'nothing'} in round 1`);
          } else {
            problem(`R2.2: row "${label}" is no track (labels in src/game/tracks.ts) and no other known row`);
          }
        }
      }
      for (const id of Object.keys(TRACKS) as TrackId[]) if (!seen.has(id)) problem(`R2.2: no row for the track ${id} ("${TRACKS[id].label}")`);
    });
    expect(problems, 'R2.2 starting tracks differ from src/content/scenarios.ts').toEqual([]);
  });

  it('R2.2 "Shorter games": the overrides of every scenario at 4 and 6 rounds', () => {
    const t = table('R2.2', (x) => x.header[0] === 'Scenario');
    const problems = differences((problem) => {
      const lengthColumns = t.header.slice(1).map((heading) => [heading, /^(\d+) rounds/.exec(heading)?.[1]] as const);
      const seen = new Set<string>();
      for (const row of t.rows) {
        const id = row[0] ?? '';
        const s = CONTENT.scenarios.get(id as ScenarioId);
        if (!s) {
          problem(`R2.2 "Shorter games": row "${id}" names no scenario`);
          continue;
        }
        seen.add(id);
        for (const [heading, length] of lengthColumns) {
          if (length !== '4' && length !== '6') {
            problem(`R2.2 "Shorter games": column "${heading}" is not "4 rounds …" or "6 rounds …"`);
            continue;
          }
          const text = cell(t, row, heading);
          const stated: Partial<Record<TrackId, number>> = {};
          for (const part of text === 'none' || text === '-' || text === '–' ? [] : text.split(/,\s*/)) {
            const m = /^(.+?) (\d+)$/.exec(part);
            const track = m?.[1] ? trackOf(m[1]) : undefined;
            if (!m || !track) problem(`R2.2 "Shorter games" row ${id}, ${heading}: cannot read "${part}" as "<track> <value>"`);
            else stated[track] = Number(m[2]);
          }
          const code = s.shorterGames?.[length] ?? {};
          if (JSON.stringify(sorted(stated)) !== JSON.stringify(sorted(code))) {
            problem(`R2.2 "Shorter games" row ${id}, ${heading}: the rulebook says ${JSON.stringify(sorted(stated))}, src/content/scenarios.ts says ${JSON.stringify(sorted(code))}`);
          }
        }
      }
      for (const s of SCENARIOS) if (!seen.has(s.id)) problem(`R2.2 "Shorter games": no row for scenario ${s.id}`);
    });
    expect(problems, 'R2.2 shorter games differ from the scenarios\' shorterGames').toEqual([]);
  });

  it('R3.1 and R3.2: every track\'s range and owner, and the relationship bands', () => {
    const ranges = table('R3.1');
    const problems = differences((problem) => {
      const seen = new Set<TrackId>();
      for (const row of ranges.rows) {
        const label = row[0] ?? '';
        const track = trackOf(label);
        if (!track) {
          problem(`R3.1: row "${label}" names no track`);
          continue;
        }
        seen.add(track);
        const info = TRACKS[track];
        const range = /^(\d+)-(\d+)\b/.exec(cell(ranges, row, 'Range').replace('–', '-'));
        if (!range || Number(range[1]) !== info.min || Number(range[2]) !== info.max) {
          problem(`R3.1 row "${label}": range "${cell(ranges, row, 'Range')}", src/game/tracks.ts says ${info.min}–${info.max}`);
        }
        const whose = cell(ranges, row, 'Whose');
        const owner = whose === 'shared' ? null : SIDE_OF_NAME[whose];
        if (owner !== info.owner) problem(`R3.1 row "${label}": owner "${whose}", src/game/tracks.ts says ${String(info.owner)}`);
        const better = cell(ranges, row, 'Better for its owner when');
        if ((better === 'higher' && !info.higherIsBetter) || (better === 'lower' && info.higherIsBetter)) {
          problem(`R3.1 row "${label}": better when "${better}", src/game/tracks.ts says higherIsBetter ${String(info.higherIsBetter)}`);
        }
      }
      for (const id of Object.keys(TRACKS) as TrackId[]) if (!seen.has(id)) problem(`R3.1: no row for the track ${id}`);

      const bands = table('R3.2');
      const stated = bands.rows.map((row) => {
        const values = (row[0] ?? '').replace('–', '-');
        return { upTo: whole(values.split('-').at(-1) ?? ''), name: (row[1] ?? '').split(' ')[0] };
      });
      if (JSON.stringify(stated) !== JSON.stringify(RELATIONSHIP_BANDS)) {
        problem(`R3.2: the rulebook's bands ${JSON.stringify(stated)}, src/game/tracks.ts RELATIONSHIP_BANDS ${JSON.stringify(RELATIONSHIP_BANDS)}`);
      }
    });
    expect(problems, 'R3 differs from src/game/tracks.ts').toEqual([]);
  });

  it.each([
    ['Washington', 'us'],
    ['Beijing', 'cn'],
  ] as const)('R5.4: %s\'s menu: every action\'s title, cost and labels, and no action missing or extra', (name, side) => {
    const caption = new RegExp(`^${name}['’]s menu \\((\\d+) actions \\+ propose a deal\\)$`);
    const t = table('R5.4', (x) => caption.test(x.caption));
    const menu = CONTENT.menus[side];
    const problems = differences((problem) => {
      const count = whole(caption.exec(t.caption)?.[1] ?? '');
      if (count !== menu.length) problem(`R5.4 "${t.caption}": the rulebook counts ${count} actions, src/content/actions.ts has ${menu.length}`);
      const seen = new Set<string>();
      for (const row of t.rows) {
        const title = cell(t, row, 'Action');
        const at = `R5.4 ${name}'s menu, row "${title}"`;
        if (seen.has(title)) problem(`${at}: listed twice`);
        seen.add(title);
        const cost = whole(cell(t, row, 'Cost'));
        const labels = cell(t, row, 'Labels').split(/,\s*/).sort();
        if (title === 'Propose a deal') {
          if (cost !== DEAL_COST) problem(`${at}: cost ${cost}, DEAL_COST (src/game/deals.ts) is ${DEAL_COST}`);
          if (JSON.stringify(labels) !== JSON.stringify(['deal'])) problem(`${at}: labels ${labels.join(', ')}, a proposal carries the label deal`);
          continue;
        }
        const action = menu.find((a) => plain(a.title) === title);
        if (!action) {
          problem(`${at}: no ${name} action of src/content/actions.ts has this title`);
          continue;
        }
        if (cost !== action.cost) problem(`${at}: cost ${cost} in the rulebook, ${action.cost} in src/content/actions.ts (${action.id})`);
        const tags = [...action.tags].sort();
        if (JSON.stringify(labels) !== JSON.stringify(tags)) problem(`${at}: labels ${labels.join(', ')} in the rulebook, ${tags.join(', ')} in src/content/actions.ts (${action.id})`);
      }
      for (const action of menu) if (!seen.has(plain(action.title))) problem(`R5.4 ${name}'s menu: no row for "${action.title}" (${action.id}, src/content/actions.ts)`);
      if (!seen.has('Propose a deal')) problem(`R5.4 ${name}'s menu: no row for "Propose a deal"`);
    });
    expect(problems, `R5.4 ${name}'s menu differs from src/content/actions.ts`).toEqual([]);
  });

  it('R7.1: every deal term\'s title, giver and weight', () => {
    const t = table('R7.1', (x) => x.header[0] === 'Term');
    const terms = [...CONTENT.dealTerms.values()];
    const problems = differences((problem) => {
      const seen = new Set<string>();
      for (const row of t.rows) {
        const title = cell(t, row, 'Term');
        const term = terms.find((x) => plain(x.title).toLowerCase() === title.toLowerCase());
        if (!term) {
          problem(`R7.1 row "${title}": no deal term of src/content/dealTerms.ts has this title`);
          continue;
        }
        seen.add(term.id);
        const giver = SIDE_OF_NAME[cell(t, row, 'Given by')];
        if (giver !== term.side) problem(`R7.1 row "${title}": given by ${cell(t, row, 'Given by')}, src/content/dealTerms.ts says ${term.side}`);
        const weight = whole(cell(t, row, 'Weight'));
        if (weight !== term.weight) problem(`R7.1 row "${title}": weight ${weight} in the rulebook, ${term.weight} in src/content/dealTerms.ts`);
      }
      for (const term of terms) if (!seen.has(term.id)) problem(`R7.1: no row for the deal term "${term.title}" (${term.id})`);
    });
    expect(problems, 'R7.1 deal terms differ from src/content/dealTerms.ts').toEqual([]);
  });

  it('R9.2: which round and half-year each scheduled event falls in, in every scenario', () => {
    const t = table('R9.2');
    const problems = differences((problem) => {
      for (const s of SCENARIOS) if (!t.header.includes(s.id)) problem(`R9.2: no column for scenario ${s.id}`);
      const seen = new Set<string>();
      for (const row of t.rows) {
        const title = cell(t, row, 'Event');
        const event = [...CONTENT.events.values()].find((e) => e.scheduled && plain(e.title) === title);
        if (!event) {
          problem(`R9.2 row "${title}": no scheduled event of src/content/events.ts has this title`);
          continue;
        }
        seen.add(event.id);
        for (const s of SCENARIOS) {
          if (!t.header.includes(s.id)) continue;
          const text = cell(t, row, s.id);
          const rounds = Object.entries(s.schedule).filter(([, id]) => id === event.id).map(([round]) => Number(round));
          const stated = [...text.matchAll(/round (\d+) \(H([12]) (\d{4})\)/g)];
          const at = `R9.2 row "${title}", scenario ${s.id}`;
          if (text !== 'none' && stated.length === 0) problem(`${at}: cannot read "${text}" (write "none" or "round N (H1 YYYY)")`);
          if (JSON.stringify(stated.map((m) => Number(m[1]))) !== JSON.stringify(rounds)) {
            problem(`${at}: the rulebook says "${text}", src/content/scenarios.ts schedules it in ${rounds.length ? `round ${rounds.join(', ')}` : 'no round'}`);
          }
          for (const m of stated) {
            const date = roundDate(s.id, Number(m[1]));
            if (date.half !== Number(m[2]) || date.year !== Number(m[3])) problem(`${at}: round ${m[1]} is H${date.half} ${date.year}, not H${m[2]} ${m[3]}`);
          }
        }
      }
      for (const e of CONTENT.events.values()) if (e.scheduled && !seen.has(e.id)) problem(`R9.2: no row for the scheduled event "${e.title}" (${e.id})`);
    });
    expect(problems, 'R9.2 differs from the scenarios\' schedules').toEqual([]);
  });

  it('R10: every agenda by side and title', () => {
    const t = table('R10');
    const stated = t.rows.map((row) => `${SIDE_OF_NAME[cell(t, row, 'Side')] ?? cell(t, row, 'Side')}: ${cell(t, row, 'Agenda')}`).sort();
    const code = [...CONTENT.agendas.values()].map((a) => `${a.side}: ${plain(a.title)}`).sort();
    expect(stated, 'R10 agendas (rulebook) vs src/content/agendas.ts').toEqual(code);
  });

  it('R4.3 and R11.3: base income and the scoring constants', () => {
    const income = table('R4.3');
    const base = income.rows.find((row) => row[0] === 'Base');
    expect(base?.slice(1).map(whole), 'R4.3 row "Base" vs BASE_INCOME (src/game/rules.ts)').toEqual([BASE_INCOME, BASE_INCOME]);

    const score = table('R11.3');
    const row = (part: string) => score.rows.find((r) => r[0] === part)?.slice(1) ?? [`no row "${part}"`];
    expect(row('Resilience').map((text) => whole(text.split(' - ')[0] ?? '')), 'R11.3 row "Resilience" vs RESILIENCE_BASE (src/game/scoring.ts)').toEqual([RESILIENCE_BASE, RESILIENCE_BASE]);
    expect(row('Agenda').map((text) => whole(/^(\d+) if met/.exec(text)?.[1] ?? '')), 'R11.3 row "Agenda" vs AGENDA_BONUS_DEFAULT (src/game/scoring.ts)').toEqual([AGENDA_BONUS_DEFAULT, AGENDA_BONUS_DEFAULT]);
    expect(row('Deal').map((text) => whole(/^(\d+) if a deal/.exec(text)?.[1] ?? '')), 'R11.3 row "Deal" vs DEAL_BONUS (src/game/scoring.ts)').toEqual([DEAL_BONUS, DEAL_BONUS]);
  });

  /**
   * Numbers the rulebook states in sentences, each with the exported constant (or content
   * count) it must equal. Each pattern must match at least once, so a rewording that drops the
   * number fails here too: reword the pattern with the sentence.
   */
  const STATED: readonly (readonly [rule: string, what: string, pattern: RegExp, value: number])[] = [
    ['R5.1', 'actions a round (ACTIONS_PER_ROUND)', /at most (\d+) actions a round/g, ACTIONS_PER_ROUND],
    ['R4.5, R5.3, R7.2', 'actions a round (ACTIONS_PER_ROUND)', /used (?:its|your|all) (\d+) actions/g, ACTIONS_PER_ROUND],
    ['R3.3', 'the leverage cap (LEVERAGE_CAP)', /you can never hold more than (\d+)\./g, LEVERAGE_CAP],
    ['R3.3', 'the leverage cap (LEVERAGE_CAP)', /would take you above (\d+) is lost/g, LEVERAGE_CAP],
    ['R4.3', 'the leverage cap (LEVERAGE_CAP)', /leverage stops at (\d+)/g, LEVERAGE_CAP],
    ['R4.4', 'the hand limit (HAND_LIMIT)', /until it holds (\d+)/g, HAND_LIMIT],
    ['R13', 'the hand limit (HAND_LIMIT)', /hand limit of (\d+)/g, HAND_LIMIT],
    ['R4.4', 'the hand limit (HAND_LIMIT)', /You never hold more than (\d+) cards/g, HAND_LIMIT],
    ['R5.2', 'the recycling cost (RECYCLE_COST)', /Recycling always costs exactly (\d+)/g, RECYCLE_COST],
    ['R6.3', 'the recycling cost (RECYCLE_COST)', /Recycling is an action that costs (\d+) leverage/g, RECYCLE_COST],
    ['R5.2', 'the cost of proposing a deal (DEAL_COST)', /Proposing a deal costs (\d+)/g, DEAL_COST],
    ['R7.1', 'the cost of proposing a deal (DEAL_COST)', /Proposing is an action and costs (\d+) leverage/g, DEAL_COST],
    ['R7.1', 'the terms a side gives (MAX_TERMS_PER_SIDE)', /1 or (\d+) terms that (?:Washington|Beijing) gives/g, MAX_TERMS_PER_SIDE],
    ['R7.3', 'the signing relationship bonus (SIGNING_RELATIONSHIP)', /Relationship \+(\d+) and interdependence/g, SIGNING_RELATIONSHIP],
    ['R7.3', 'the signing interdependence bonus (SIGNING_INTERDEPENDENCE)', /and interdependence \+(\d+): trade and trust/g, SIGNING_INTERDEPENDENCE],
    ['R7.3', 'the hawks\' largest gain (HAWK_SWING)', /never by more than \+(\d+)/g, HAWK_SWING],
    ['R7.3', 'the hawks\' largest loss (-HAWK_SWING)', /or less than (-\d+)/g, -HAWK_SWING],
    ['R2.4, R7.3', 'a new deal\'s health (DEAL_HEALTH)', /with health (\d+)/g, DEAL_HEALTH],
    ['R7.5', 'a collapse\'s relationship loss (COLLAPSE_RELATIONSHIP)', /collapses, for a breach or at health 0: - relationship (-\d+);/g, COLLAPSE_RELATIONSHIP],
    ['R7.5', 'a collapse\'s support loss (COLLAPSE_SUPPORT)', /- the charged side's support (-\d+)[ ;]/g, COLLAPSE_SUPPORT],
    ['R7.6', 'the deal bonus (DEAL_BONUS)', /each side scores (\d+) \(R11\.3\)/g, DEAL_BONUS],
    ['R10', 'an agenda\'s points (AGENDA_BONUS_DEFAULT)', /it is worth (\d+) points/g, AGENDA_BONUS_DEFAULT],
    ['R8.7', 'the de-risking floor (DE_RISKING_FLOOR)', /interdependence is (\d+) or less/gi, DE_RISKING_FLOOR],
    ['R3.1', 'the de-risking floor (DE_RISKING_FLOOR)', /at (\d+) or less both economies suffer/g, DE_RISKING_FLOOR],
    ['R9.1', 'world events in the deck', /deck has (\d+) events/g, [...CONTENT.events.values()].filter((e) => !e.scheduled).length],
    ['R4.2', 'world events in the deck', /with (\d+) cards and at most/g, [...CONTENT.events.values()].filter((e) => !e.scheduled).length],
    ['R4.2', 'the longest game', /at most (\d+) rounds/g, Math.max(...LENGTHS)],
  ];

  it.each(STATED)('%s: %s', (rule, what, pattern, value) => {
    const found = [...PROSE.matchAll(pattern)];
    expect(found.length, `${rule}: rules/rulebook.md no longer says ${pattern.source} (${what}); update the pattern with the sentence`).toBeGreaterThan(0);
    for (const m of found) expect(whole(m[1] ?? ''), `${rule}: the rulebook says "${m[0]}", but ${what} is ${value}`).toBe(value);
  });

  it('R6.1: each deck\'s size, its different cards and its doubles', () => {
    const m = /deck of (\d+) policy cards: (\d+) different cards, (\w+) of which appear twice/.exec(PROSE);
    expect(m, 'R6.1 states "deck of N policy cards: N different cards, N of which appear twice"').not.toBeNull();
    const words: Readonly<Record<string, number>> = { none: 0, one: 1, two: 2, three: 3, four: 4 };
    for (const side of ['us', 'cn'] as const) {
      const cards = [...CONTENT.cards.values()].filter((c) => c.side === side);
      const stated = [whole(m?.[1] ?? ''), whole(m?.[2] ?? ''), words[m?.[3] ?? ''] ?? whole(m?.[3] ?? '')];
      const code = [CONTENT.decks[side].length, cards.length, cards.filter((c) => c.copies === 2).length];
      expect(stated, `R6.1 [deck size, different cards, doubles] vs ${side}'s cards in src/content/cards`).toEqual(code);
    }
  });
});

describe('rules/summary.md, the rules on one card', () => {
  const prose = plain(SUMMARY);

  it('fits on one page (about 500 words)', () => {
    expect(SUMMARY.split(/\s+/).filter((word) => /\w/.test(word)).length).toBeLessThanOrEqual(520);
  });

  it('every link leads to the rulebook or one of its rules, on GitHub and in the app', () => {
    const anchors = ruleAnchorsBySlug(RULEBOOK);
    const slugs = new Set(RULEBOOK.split('\n').flatMap((line) => /^#{1,6}\s+(.+)$/.exec(line)?.[1] ?? []).map(headingSlug));
    const links = [...SUMMARY.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(5);
    for (const href of links) {
      const m = /^rulebook\.md(?:#(.+))?$/.exec(href);
      expect(m, `summary.md links to "${href}", not to rulebook.md`).not.toBeNull();
      const slug = m?.[1];
      if (!slug) continue;
      expect(slugs.has(slug), `summary.md links to "${href}": rulebook.md has no heading with that anchor`).toBe(true);
      const inApp = rulesHref(href, anchors);
      expect(parseHash(inApp), `"${href}" in the app`).toEqual({ page: 'rules', at: anchors.get(slug) });
    }
    expect(parseHash(rulesHref('summary.md', anchors))).toEqual({ page: 'rules', at: 'summary' });
    expect(RULEBOOK, 'the rulebook links to the summary').toContain('](summary.md)');
  });

  it.each([
    ['the first lesson\'s length (the shortest)', /Play (\d+) rounds/g, Math.min(...LENGTHS)],
    ['the leverage cap (LEVERAGE_CAP)', /Leverage \(0 to (\d+)\)/g, LEVERAGE_CAP],
    ['base income (BASE_INCOME)', /gains leverage \((\d+),/g, BASE_INCOME],
    ['the hand limit (HAND_LIMIT)', /until it holds (\d+)/g, HAND_LIMIT],
    ['actions a round (ACTIONS_PER_ROUND)', /at most (\d+) actions a round/g, ACTIONS_PER_ROUND],
    ['the recycling cost (RECYCLE_COST)', /recycling a card you cannot use: it costs (\d+)/g, RECYCLE_COST],
    ['the cost of proposing a deal (DEAL_COST)', /proposing a deal, which costs (\d+)/g, DEAL_COST],
    ['resilience (RESILIENCE_BASE)', /resilience \((\d+) - its dependence\)/g, RESILIENCE_BASE],
    ['an agenda\'s points (AGENDA_BONUS_DEFAULT)', /plus (\d+) if its secret agenda is met/g, AGENDA_BONUS_DEFAULT],
    ['the deal bonus (DEAL_BONUS)', /plus (\d+) if a deal is still in force/g, DEAL_BONUS],
  ] as const)('states %s as the code does', (what, pattern, value) => {
    const found = [...prose.matchAll(pattern)];
    expect(found.length, `summary.md no longer says ${pattern.source} (${what}); update the pattern with the sentence`).toBeGreaterThan(0);
    for (const m of found) expect(whole(m[1] ?? ''), `summary.md says "${m[0]}", but ${what} is ${value}`).toBe(value);
  });
});

function sorted<T>(record: Partial<Record<string, T>>): [string, T][] {
  return (Object.entries(record) as [string, T][]).sort(([a], [b]) => a.localeCompare(b));
}
