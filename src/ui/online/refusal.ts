import { useState } from 'react';
import { serverRefusalText } from '../bridge';
import type { DeRiskClient } from '../hotseat/client';

/** What the banner reads of a client: the server's notices (sent as chat) and the state id. */
export type RefusalSource = Pick<DeRiskClient, 'chatMessages' | 'getState'>;

/**
 * The server's latest refusal, in words, for as long as it is news: from the moment it arrives
 * until the match moves on (a later move of either side goes through), after which a red
 * banner would only mislead. Null when there is none to show.
 */
export function useFreshRefusal(client: RefusalSource): string | null {
  const notices = client.chatMessages.filter((m) => m.sender === 'server');
  const stateID = client.getState()?._stateID ?? -1;
  const [seen, setSeen] = useState({ notices: 0, at: -1 });
  // Adjusting state to what the client holds while rendering (React's own pattern): a new notice is dated by the state it came in.
  const fresh = notices.length !== seen.notices;
  if (fresh) setSeen({ notices: notices.length, at: stateID });
  if (!fresh && seen.at !== stateID) return null;
  const last = notices.at(-1)?.payload as { refused?: { code?: unknown } } | undefined;
  return last?.refused ? serverRefusalText(last.refused) : null;
}
