/**
 * The address a request or socket really comes from, for the per-address limits.
 *
 * Without a proxy in front (the default), it is the connection's own peer address. When
 * TRUST_PROXY=N says N proxies sit in front (nginx, a load balancer), each of them appends the
 * address it saw to X-Forwarded-For, so the client is the N-th entry from the right; entries
 * further left were written by the client itself and are not believed. A school behind one NAT
 * still shares one address: that is why the limits are also kept per match and per seat.
 */
import { isIP } from 'node:net';

/** Parses TRUST_PROXY: a hop count (0 for none); anything else means none. */
export function trustedHops(setting: string | undefined): number {
  const value = setting?.trim().toLowerCase();
  if (!value || value === 'false' || value === 'off') return 0;
  if (value === 'true' || value === 'on') return 1;
  return /^\d{1,2}$/.test(value) ? Number(value) : 0;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const direct = normalise(peer ?? 'unknown');
  if (hops <= 0 || forwardedFor === undefined) return direct;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => normalise(entry))
    .filter((entry) => isIP(entry) !== 0);
  // The proxy nearest to us is the peer itself; it appended the address it saw last.
  const client = chain[chain.length - hops];
  return client ?? chain[0] ?? direct;
}
