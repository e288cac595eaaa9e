/** Where each plank of the bridge lies, and where its hanger meets the cable (the drawing's own units). */
const LEFT = 34;
const RIGHT = 286;
const DECK = 46;
const TOWER_TOP = 14;
const SAG = 62;

/** The cable's height at x: a quadratic curve from one tower top to the other, sagging to the middle. */
function cableY(x: number): number {
  const s = (x - LEFT) / (RIGHT - LEFT);
  return TOWER_TOP * (1 - s) ** 2 + SAG * 2 * s * (1 - s) + TOWER_TOP * s ** 2;
}

/**
 * The order in which planks are laid: from both shores at once, meeting in the middle, so a
 * full bridge is one both sides built and a low relationship leaves a gap in the middle.
 */
function layingOrder(planks: number): number[] {
  const order: number[] = [];
  for (let left = 0, right = planks - 1; left <= right; left += 1, right -= 1) {
    order.push(left);
    if (right !== left) order.push(right);
  }
  return order;
}

/**
 * The relationship drawn as a bridge between Washington's tower (left) and Beijing's (right):
 * one plank for each point, laid from both shores. When the value falls, planks drop into the
 * river; when it rises they settle back (CSS transitions, still under prefers-reduced-motion).
 * Decorative: the meter around it carries the value for assistive technology.
 */
export function RelationshipBridge({ value, max }: { value: number; max: number }) {
  const width = (RIGHT - LEFT) / max;
  const rank = new Map(layingOrder(max).map((plank, index) => [plank, index]));
  const planks = Array.from({ length: max }, (_, i) => ({ i, x: LEFT + i * width, laid: (rank.get(i) ?? max) < value }));
  return (
    <svg className="bridge-drawing" viewBox="0 0 320 86" aria-hidden="true" focusable="false">
      <rect className="bridge-sky" width="320" height="86" />
      <path className="bridge-river" d="M0 70 Q20 64 40 70 T80 70 T120 70 T160 70 T200 70 T240 70 T280 70 T320 70 V86 H0 Z" />
      <path className="bridge-bank bridge-bank-us" d="M0 44 H40 L48 86 H0 Z" />
      <path className="bridge-bank bridge-bank-cn" d="M320 44 H280 L272 86 H320 Z" />
      <path className="bridge-cable" d={`M${LEFT} ${TOWER_TOP} Q160 ${SAG} ${RIGHT} ${TOWER_TOP}`} />
      {planks.map(({ i, x }) => (
        <line key={`hanger-${i}`} className="bridge-hanger" x1={x + width / 2} y1={cableY(x + width / 2)} x2={x + width / 2} y2={DECK} />
      ))}
      {planks.map(({ i, x }) => (
        <rect key={`slot-${i}`} className="bridge-slot" x={x + 1.5} y={DECK} width={width - 3} height={8} rx={1.5} />
      ))}
      {planks.map(({ i, x, laid }) => (
        <rect key={`plank-${i}`} className={laid ? 'bridge-plank' : 'bridge-plank fallen'} x={x + 1} y={DECK} width={width - 2} height={8} rx={1.5} />
      ))}
      <rect className="bridge-tower bridge-tower-us" x={LEFT - 5} y={TOWER_TOP - 4} width={10} height={58} rx={2} />
      <rect className="bridge-tower bridge-tower-cn" x={RIGHT - 5} y={TOWER_TOP - 4} width={10} height={58} rx={2} />
      <path className="bridge-flag bridge-flag-us" d={`M${LEFT} ${TOWER_TOP - 4} V${TOWER_TOP - 14} L${LEFT + 13} ${TOWER_TOP - 10} L${LEFT} ${TOWER_TOP - 7}`} />
      <path className="bridge-flag bridge-flag-cn" d={`M${RIGHT} ${TOWER_TOP - 4} V${TOWER_TOP - 14} L${RIGHT - 13} ${TOWER_TOP - 10} L${RIGHT} ${TOWER_TOP - 7}`} />
    </svg>
  );
}
