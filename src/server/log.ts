/** Structured logs: one JSON object a line, never credentials. Silent when LOG_LEVEL=silent. */
type Level = 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 };

/**
 * boardgame.io reports refused moves with `console.error('ERROR:', message)`. In the server,
 * route those lines through `log` as structured warnings (docs/boardgame-io-traps.md, trap 11).
 */
export function bridgeLibraryErrors(): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args[0] === 'ERROR:') log('warn', 'boardgame.io', { message: String(args[1]).slice(0, 300) });
    else original(...args);
  };
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  const setting = process.env.LOG_LEVEL ?? 'info';
  // An unknown level (a typo in the environment) logs everything rather than nothing.
  const threshold = Object.prototype.hasOwnProperty.call(ORDER, setting) ? ORDER[setting as keyof typeof ORDER] : 0;
  if (ORDER[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** An id or other client-chosen text cut short for a log line (a log must not grow with what a client sends). */
export function cut(text: unknown, max = 16): string {
  const value = typeof text === 'string' ? text : String(text);
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
