import { useMemo } from 'react';
import { boardModel, type Side } from '../../game';
import { t } from '../i18n';
import { useMatchUi } from '../store/context';
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

/**
 * The game board: the two capitals either side of the shared tracks, the desk and the
 * chronicle. The engine's board model is computed once here; the parts below only show it.
 */
export function Board({ onOpenRules, onOpenGlossary, inert, computer = null, G, ctx, seat, send }: BoardViewProps) {
  const composer = useMatchUi((s) => s.composer);
  const model = useMemo(() => boardModel(G, ctx, seat, composer), [G, ctx, seat, composer]);
  return (
    <div className="board" inert={inert || undefined} aria-hidden={inert || undefined}>
      <TopBar G={G} model={model} onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
      <EventBanner G={G} />
      <main className="board-grid" aria-label={t('board.label')}>
        <SidePanel G={G} model={model} side="us" seat={seat} computer={computer === 'us'} />
        <div className="center">
          <RelationshipPanel G={G} warnings={model.warnings} />
          <TradeWarPanel G={G} warnings={model.warnings} />
          <DealPanel G={G} />
        </div>
        <SidePanel G={G} model={model} side="cn" seat={seat} computer={computer === 'cn'} />
      </main>
      {model.desk && <PlayerDesk desk={model.desk} acting={model.acting} send={send} />}
      <Chronicle G={G} />
      {model.desk?.answer && <DealResponse answer={model.desk.answer} seat={model.desk.seat} send={send} />}
    </div>
  );
}
