import { actingSide, type Side } from '../../game';
import { t } from '../i18n';
import { DealPanel, RelationshipPanel, TradeWarPanel } from './CenterPanels';
import { Chronicle } from './Chronicle';
import { DealResponse } from './DealResponse';
import { EventBanner } from './EventBanner';
import { PlayerDesk } from './PlayerDesk';
import { SidePanel } from './SidePanel';
import { TopBar } from './TopBar';
import type { BoardProps } from './types';

export interface BoardViewProps extends BoardProps {
  onOpenRules: () => void;
  onOpenGlossary: () => void;
  /** Hidden from assistive technology and the keyboard (behind the curtain). */
  inert?: boolean;
  /** The side the computer plays, if any: its panel says so. */
  computer?: Side | null;
}

/** The game board: the two capitals either side of the shared tracks, the desk and the chronicle. */
export function Board({ onOpenRules, onOpenGlossary, inert, computer = null, ...props }: BoardViewProps) {
  const { G, ctx, seat } = props;
  const responder = G.proposal && seat && actingSide(G, ctx) === seat;
  return (
    <div className="board" inert={inert || undefined} aria-hidden={inert || undefined}>
      <TopBar G={G} ctx={ctx} onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
      <EventBanner G={G} />
      <main className="board-grid" aria-label={t('board.label')}>
        <SidePanel G={G} side="us" seat={seat} computer={computer === 'us'} />
        <div className="center">
          <RelationshipPanel G={G} />
          <TradeWarPanel G={G} />
          <DealPanel G={G} />
        </div>
        <SidePanel G={G} side="cn" seat={seat} computer={computer === 'cn'} />
      </main>
      {seat && <PlayerDesk {...props} seat={seat} />}
      <Chronicle G={G} />
      {responder && <DealResponse {...props} seat={seat} />}
    </div>
  );
}
