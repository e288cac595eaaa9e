/**
 * A match as the memory and file stores keep it: every part as JSON text. The text is the
 * store's own copy (no caller holds a reference into it), a read parses a fresh copy from it,
 * and the file is put together from it, so a move costs one stringify of its state instead of
 * a copy in, a copy out and a stringify of the whole record (whose log grows all game).
 * Going through JSON also means a read returns the same before and after a restart.
 */
import type { LogEntry, Server, State } from 'boardgame.io';
import type { MatchRecord } from './record';

export interface KeptRecord {
  /** Parsed from `metadataText`, for listings; never handed out (reads parse their own). */
  readonly metadata: Server.MatchData;
  readonly metadataText: string;
  readonly stateText?: string;
  readonly initialStateText?: string;
  /** One JSON text per log entry. */
  readonly logTexts: readonly string[];
}

export function keptMetadata(metadata: Server.MatchData): Pick<KeptRecord, 'metadata' | 'metadataText'> {
  const metadataText = JSON.stringify(metadata);
  return { metadata: JSON.parse(metadataText) as Server.MatchData, metadataText };
}

export function keptLog(entries: readonly LogEntry[]): string[] {
  // `?? 'null'` keeps the joined array valid JSON even for an entry JSON cannot say.
  return entries.map((entry) => (JSON.stringify(entry) as string | undefined) ?? 'null');
}

/** A record read from disk (already checked by record.ts), in kept form. */
export function keptFrom(record: MatchRecord): KeptRecord {
  return {
    ...keptMetadata(record.metadata),
    ...(record.state === undefined ? {} : { stateText: JSON.stringify(record.state) }),
    ...(record.initialState === undefined ? {} : { initialStateText: JSON.stringify(record.initialState) }),
    logTexts: keptLog(record.log),
  };
}

/** The JSON text of the whole record, as `JSON.stringify` of the MatchRecord would give it. */
export function recordText(kept: KeptRecord): string {
  const parts = [`"metadata":${kept.metadataText}`];
  if (kept.stateText !== undefined) parts.push(`"state":${kept.stateText}`);
  if (kept.initialStateText !== undefined) parts.push(`"initialState":${kept.initialStateText}`);
  parts.push(`"log":[${kept.logTexts.join(',')}]`);
  return `{${parts.join(',')}}`;
}

export const readState = (text: string | undefined): State | undefined => (text === undefined ? undefined : (JSON.parse(text) as State));
export const readLog = (texts: readonly string[]): LogEntry[] => JSON.parse(`[${texts.join(',')}]`) as LogEntry[];
export const readMetadata = (kept: KeptRecord): Server.MatchData => JSON.parse(kept.metadataText) as Server.MatchData;
