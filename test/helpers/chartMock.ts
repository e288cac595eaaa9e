/** A stand-in for chart.js in happy-dom (no canvas): `vi.mock('chart.js', () => import('../helpers/chartMock'))`. */
export class Chart {
  static register() {}
  destroy() {}
}
const piece = {};
export { piece as LineController, piece as LineElement, piece as PointElement, piece as LinearScale, piece as CategoryScale, piece as Legend, piece as Tooltip };
