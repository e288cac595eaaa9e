/**
 * Which three discussion questions the debrief shows, chosen from what this game showed.
 *
 * Every candidate question has a cue in the game and a strength from 0 to 1: how strongly
 * this game showed it (how far interdependence fell by the players' doing, how many round ends
 * tariffs raised U.S. prices, whether a deal collapsed, wore away or its purchases were missed, an agenda
 * met, a sudden end, a world event that made one of the biggest swings). The three strongest
 * are asked, with at most one question a topic (so at most one about the deal), and at least
 * one of the essay's themes: de-risking against decoupling, the costs of leverage (tariffs
 * raise U.S. prices, export controls spur China's self-reliance) and purchase deals that erode.
 * When no essay theme is among the three, the strongest replaces the question of its topic, or
 * the third. Equal strengths are ordered by a number read from the game itself, so the themes
 * take turns across games while the same game always gets the same questions.
 */
import { forecastCheck, type DeRiskState, type GameResult } from '../../game';
import { suddenEnd, turningPoints } from '../../game/analysis';
import type { MessageKey } from '../i18n';

/** Interdependence has "fallen a lot" when it ended this many points (or more) below its start. */
export const BIG_FALL = 3;
/** A world event "made a big swing" when its turning point is this big (two steps of support, or four points). */
export const BIG_EVENT = 4;
/** Interdependence falling this far by the players' doing makes the de-risking question the strongest there is. */
export const STRONG_FALL = 6;
/** U.S. tariffs "ended high" at this many steps or more (the R8.2 threshold). */
export const HIGH_TARIFF = 4;
/** The U.S. tariff at which the round end raises U.S. inflation (R8.1). */
const PRICE_TARIFF = 3;
/** Interdependence at or below which the round end costs both economies (R8.7). */
const DE_RISKING_FLOOR = 5;
export const QUESTION_COUNT = 3;

type Topic = 'ending' | 'deal' | 'interdependence' | 'tariffs' | 'controls' | 'minerals' | 'agenda' | 'world' | 'general';

export interface Candidate {
  readonly key: MessageKey;
  readonly topic: Topic;
  /** One of the essay's themes. */
  readonly essay: boolean;
  /** How strongly this game showed the question's cue, 0 (not at all) to 1. */
  readonly strength: number;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** A number read from the finished game, the same for the same game: orders equal strengths. */
function gameNumber(G: DeRiskState): number {
  const text = `${G.scenario}|${G.length}|${G.round}|${G.chronicle.length}|${Object.values(G.tracks).join(',')}`;
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Every question this game gives a cue for, with how strongly it shows it. */
export function candidates(G: DeRiskState, result: GameResult): Candidate[] {
  const f = forecastCheck(G);
  const first = G.history[0]?.tracks ?? G.tracks;
  const rounds = G.history.filter((s) => s.round > 0);
  const fall = f.interdependenceStart - f.interdependenceEnd;
  const fallByPlay = -f.interdependenceUnscheduled;
  const barrierRise = f.barriersEnd - f.barriersStart;
  // R8.1 and R8.7 apply at a round end on the tracks the snapshot then records (drift changes neither track).
  const tariffRounds = rounds.filter((s) => !s.partial && s.tracks.usTariff >= PRICE_TARIFF).length;
  const floorRounds = rounds.filter((s) => !s.partial && s.tracks.interdependence <= DE_RISKING_FLOOR).length;
  const inflationRise = G.tracks.usInflation - first.usInflation;
  const controlsRise = G.tracks.exportControls - first.exportControls;
  const chipFall = first.cnChipDependence - G.tracks.cnChipDependence;
  const bansRise = G.tracks.mineralBans - first.mineralBans;
  // Round ends that cost a deal health: for missed purchases, or because ties were cut that round (R7.4).
  const upkeep = G.chronicle.filter((e) => e.kind === 'dealUpkeep' || e.kind === 'dealCollapsed');
  const missed = upkeep.filter((e) => e.notes.some((n) => n.kind === 'missed')).length;
  const eroded = upkeep.filter((e) => e.notes.some((n) => n.kind === 'eroded')).length;
  const woreAway = G.chronicle.some((e) => e.kind === 'dealCollapsed' && e.breachedBy === null);
  const final = result.kind === 'score' || result.kind === 'stalemate';
  const agendaMet = final && (result.scores.us.agendaMet || result.scores.cn.agendaMet);
  const end = suddenEnd(G);
  const endedByEvent = end?.cause?.kind === 'event' || (end?.cause?.kind === 'collapse' && end.cause.trigger.kind === 'event');
  const points = turningPoints(G);
  const biggestEvent = Math.max(0, ...points.filter((p) => p.entry.kind === 'event').map((p) => p.swing));

  const all: Candidate[] = [
    { key: 'debrief.q.rupture', topic: 'ending', essay: false, strength: result.kind === 'rupture' ? 1 : 0 },
    { key: 'debrief.q.votedOut', topic: 'ending', essay: false, strength: result.kind === 'collapse' ? 1 : 0 },
    { key: 'debrief.q.stalemate', topic: 'ending', essay: false, strength: result.kind === 'stalemate' ? 0.8 : 0 },
    { key: 'debrief.q.dealCollapsed', topic: 'deal', essay: false, strength: f.dealsCollapsed > 0 && !woreAway ? 0.85 : 0 },
    { key: 'debrief.q.dealEroded', topic: 'deal', essay: true, strength: missed > 0 ? Math.min(0.8, 0.3 + 0.15 * missed) : 0 },
    // Decoupling wears deals down in most games, so a round or two of it is a weak cue; a deal that wore away is a strong one.
    { key: 'debrief.q.dealWornAway', topic: 'deal', essay: true, strength: woreAway ? 0.85 : eroded > 0 ? Math.min(0.55, 0.15 + 0.1 * eroded) : 0 },
    { key: 'debrief.q.noDeal', topic: 'deal', essay: false, strength: f.dealsSigned === 0 ? 0.55 : 0 },
    // Most games end with a deal in force, so that alone is a weak cue.
    { key: 'debrief.q.dealSurvived', topic: 'deal', essay: false, strength: f.dealSurvived ? 0.25 : 0 },
    // Always possible: the essay's first question, however little this game de-risked.
    { key: 'debrief.q.deRisking', topic: 'interdependence', essay: true, strength: Math.max(0.15, clamp((fallByPlay - 1) / (STRONG_FALL - 1) + (barrierRise > 0 ? 0.15 : 0))) },
    {
      key: 'debrief.q.interdependenceFell',
      topic: 'interdependence',
      essay: false,
      strength: fall >= BIG_FALL ? Math.min(0.8, 0.25 + 0.05 * (fall - BIG_FALL) + 0.15 * floorRounds) : 0,
    },
    { key: 'debrief.q.interdependenceRose', topic: 'interdependence', essay: false, strength: fall < 0 ? 0.8 * clamp(-fall / 4) : 0 },
    { key: 'debrief.q.tariffInflation', topic: 'tariffs', essay: true, strength: inflationRise > 0 ? clamp(Math.min(tariffRounds, inflationRise) / 6) : 0 },
    { key: 'debrief.q.tariffsHigh', topic: 'tariffs', essay: false, strength: G.tracks.usTariff >= HIGH_TARIFF ? 0.3 + 0.2 * (G.tracks.usTariff - HIGH_TARIFF) : 0 },
    { key: 'debrief.q.selfReliance', topic: 'controls', essay: true, strength: chipFall > 0 && G.tracks.exportControls >= 3 ? 0.9 * clamp(chipFall / 3) : 0 },
    { key: 'debrief.q.controlsRose', topic: 'controls', essay: false, strength: controlsRise > 0 ? 0.7 * clamp(controlsRise / 2) : 0 },
    { key: 'debrief.q.mineralBans', topic: 'minerals', essay: false, strength: bansRise > 0 ? 0.7 * clamp(bansRise / 2) : 0 },
    { key: 'debrief.q.agendaMet', topic: 'agenda', essay: false, strength: agendaMet ? 0.45 : 0 },
    { key: 'debrief.q.agendaMissed', topic: 'agenda', essay: false, strength: final && !agendaMet ? 0.3 : 0 },
    { key: 'debrief.q.luck', topic: 'world', essay: false, strength: endedByEvent ? 0.95 : biggestEvent >= 2 * BIG_EVENT ? 0.7 : biggestEvent >= BIG_EVENT ? 0.5 : 0 },
    { key: 'debrief.q.leverage', topic: 'general', essay: false, strength: 0.12 },
    { key: 'debrief.q.reality', topic: 'general', essay: false, strength: 0.1 },
  ];
  return all.filter((c) => c.strength > 0);
}

/** Three message keys of discussion questions for a finished game (see the file's comment). */
export function chooseQuestions(G: DeRiskState, result: GameResult): MessageKey[] {
  const n = gameNumber(G);
  const list = candidates(G, result);
  const turn = (i: number) => (i * 2654435761 + n) % 4294967296;
  const ranked = list.map((c, i) => ({ c, order: turn(i) })).sort((a, b) => b.c.strength - a.c.strength || a.order - b.order).map((x) => x.c);
  const picked: Candidate[] = [];
  for (const c of ranked) {
    if (picked.length === QUESTION_COUNT) break;
    if (c.topic === 'general' || !picked.some((p) => p.topic === c.topic)) picked.push(c);
  }
  const theme = ranked.find((c) => c.essay);
  if (theme && !picked.some((p) => p.essay)) {
    const same = picked.findIndex((p) => p.topic === theme.topic);
    picked.splice(same >= 0 ? same : picked.length - 1, 1, theme);
  }
  return picked.map((c) => c.key);
}
