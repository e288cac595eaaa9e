/** React Testing Library helpers: a hot-seat match on screen, and the steps players take. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SetupData } from '../../src/game';
import { createHotSeatClient } from '../../src/ui/hotseat/client';
import { HotSeat } from '../../src/ui/hotseat/HotSeat';

export function renderHotSeat(setup: SetupData = { scenario: '2025', length: 4 }, seed = 'ui-test') {
  const client = createHotSeatClient(setup, seed);
  const user = userEvent.setup();
  const onPlayAgain = () => undefined;
  const view = render(<HotSeat client={client} onPlayAgain={onPlayAgain} onOpenRules={() => undefined} onOpenGlossary={() => undefined} />);
  return { client, user, view };
}

type User = ReturnType<typeof userEvent.setup>;

/** Clicks the curtain's reveal button for the side that must act. */
export async function revealSide(user: User, side: 'Washington' | 'Beijing') {
  await user.click(screen.getByRole('button', { name: `I am ${side}: show my side` }));
}

/** Takes a standard action from the desk by its title. */
export async function playAction(user: User, title: string) {
  await user.click(screen.getByRole('button', { name: `Take action: ${title}` }));
}

/** The value a meter shows, found by its label within a region. */
export function meterValue(label: string, region?: HTMLElement): number {
  const scope = region ? within(region) : screen;
  return Number(scope.getByRole('meter', { name: label }).getAttribute('aria-valuenow'));
}

/** After the play that ends a turn: the player has read what it did and hands the device over (the curtain comes down). */
export async function handOver(user: User) {
  await user.click(screen.getByRole('button', { name: /^Done: hide my side and pass to (Washington|Beijing)$/ }));
}
