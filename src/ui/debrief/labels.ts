/** Words the debrief shares with the board: track names that say whose track it is (bridge.ts). */
export { changeText as changeLabel, seriesLabel } from '../bridge';
