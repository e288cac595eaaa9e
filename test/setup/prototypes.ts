/**
 * Runs around every test file (vitest setupFiles): fails the file if any built-in prototype
 * gained, lost or changed a property while it ran. The server tests run the real server in
 * this process, so a lobby request or socket frame that wrote through `__proto__` or
 * `constructor.prototype` anywhere in the suite fails here, whatever test sent it.
 */
import { afterAll, expect } from 'vitest';

const watched: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
];

/** Every own property with what it holds: its value, or its getter and setter. */
function snapshot(target: object): Map<PropertyKey, readonly unknown[]> {
  const properties = new Map<PropertyKey, readonly unknown[]>();
  for (const key of Reflect.ownKeys(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    // The getter and setter are compared as functions, never called.
    const value: unknown = descriptor?.value;
    properties.set(key, descriptor ? ('value' in descriptor ? [value] : [descriptor.get as unknown, descriptor.set as unknown]) : []);
  }
  return properties;
}

const same = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) => a !== undefined && b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);

const before = watched.map(([name, target]) => [name, snapshot(target)] as const);

afterAll(() => {
  for (const [index, [name, target]] of watched.entries()) {
    const was = before[index]?.[1] ?? new Map<PropertyKey, readonly unknown[]>();
    const now = snapshot(target);
    const changed = [...new Set([...was.keys(), ...now.keys()])].filter((key) => !same(was.get(key), now.get(key))).map(String);
    expect(changed, `${name} was changed during this file`).toEqual([]);
  }
});
