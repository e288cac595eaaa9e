/** The computer opponents: pure TypeScript, safe for a Web Worker (no React, DOM or Node APIs). */
export { decide, decisionSeed } from './decide';
export { BOT_LEVELS, PERSONAS, type BotConfig, type BotDecision, type BotLevel, type BotMove, type Persona } from './types';
export { moodOf, type Mood } from './persona';
export { HARD_BUDGET, type HardBudget } from './hard';
