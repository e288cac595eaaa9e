/** The engine's public face: the Game, its state types and the rule queries. */
export { DeRisk } from './game';
export type * from './state';
export type { Side, TrackId, Good, ScenarioId, Tag } from '../content/types';
export { DEFAULT_SETUP, LENGTHS, normalizeSetup, validateSetupData, type SetupData } from './setup';
export {
  ACTIONS_PER_ROUND,
  RECYCLE_COST,
  actingSide,
  actionMenu,
  canStillAct,
  costOf,
  dealCost,
  incomeOf,
  lastRound,
  legalPlays,
  legalProposals,
  whyRefused,
  type IncomeBreakdown,
  type MenuEntry,
  type Play,
  type TurnInfo,
} from './rules';
export {
  COLLAPSE_RELATIONSHIP,
  COLLAPSE_SUPPORT,
  DEAL_COST,
  DEAL_HEALTH,
  MAX_TERMS_PER_SIDE,
  hawkVerdict,
  makeDeal,
  missedCommitments,
  erosion,
  termAvailability,
  termsProblem,
} from './deals';
export { agendaMet, gameResult, scoreFor } from './scoring';
export { enumerate, type BotMove } from './ai';
export {
  REASON_CHANGES_MAX,
  botReasonSchema,
  reasonFits,
  type BotReason,
  type BotReasonKind,
  type Fallback,
  type Motive,
  type PassWhy,
  type ReasonChange,
  type RecycledCard,
  type RejectWhy,
  type TellingPlay,
} from './botReason';
export { MOVE_NAMES, MOVES, REASON_MAX, isMoveName, reasonProblem, toMove, toPlay, wireArgs, type Move, type MoveName } from './registry';
export type { ContentRef, Refusal, RefusalCode, RefusalOf, RefusalParams } from './refusals';
export { LOBBY_ERROR_CODES, type ConnectionRefusalCode, type LobbyErrorCode, type ServerRefusal } from './wire';
export { HAND_LIMIT } from './cards';
export { PLAYER_OF, SIDE_NAMES, other, sideOf } from './sides';
export { TRACKS, boundTrack, clampTrack, relationshipBand, SIDE_TRACKS, LEVERAGE_CAP, type TrackInfo } from './tracks';
export { roundDate } from './dates';
export { warnings, DE_RISKING_FLOOR, DRIFT_RULES, finishingAfterThisRound, foreseeRoundEnd, runDrift, type DriftRule } from './round';
// For planners such as the computer opponents: a seat's view, a mutable copy of a state, conditions.
export { playerView } from './view';
export { workingCopy, type WorkingState, type WorkingTracks } from './working-copy';
export { allHold } from './conditions';
export { consequencesOf, previewDeal, previewPlay, type Consequences, type Preview } from './preview';
export { boardModel, type ActionOption, type BoardModel, type CapitalModel, type CardOption, type DealAnswer, type DealDesk, type Desk, type PlayOption, type TermOption } from './board';
export { creditedTo, forecastCheck, moverOf, turningPoints, trackSeries, swingOf, type ForecastCheck, type TurningPoint } from './analysis';
export { newRecord, recordedMoves, recordProblem, rulesVersionOf, RECORD_FORMAT, RULES_VERSION, type GameRecord, type RecordedMove, type RecordSetup } from './record';
