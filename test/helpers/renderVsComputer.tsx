/** React Testing Library helper: a match against the computer, its worker replaced by an in-process fake. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SetupData } from '../../src/game';
import { createComputerMatch } from '../../src/ui/bots/computerMatch';
import type { ComputerOpponent } from '../../src/ui/bots/opponent';
import VsComputer from '../../src/ui/bots/VsComputer';
import { fakeWorkers, type FakeBotWorker } from './fakeBotWorker';

export interface VsComputerOptions {
  setup?: SetupData;
  seed?: string;
  /** Shapes each worker the match starts (the first, and any after a failure). */
  worker?: (index: number) => FakeBotWorker;
}

export function renderVsComputer(opponent: ComputerOpponent, { setup = { scenario: '2025', length: 4 }, seed = 'ui-test', worker }: VsComputerOptions = {}) {
  const workers = fakeWorkers(worker);
  const match = createComputerMatch(setup, opponent, { seed, botSeed: 7, makeWorker: workers.make });
  const user = userEvent.setup();
  const onPlayAgain = () => undefined;
  const view = render(<VsComputer match={match} pauseMs={0} onPlayAgain={onPlayAgain} onOpenRules={() => undefined} onOpenGlossary={() => undefined} />);
  return { match, workers, user, view };
}
