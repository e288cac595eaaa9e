// @vitest-environment happy-dom
/**
 * A refusal from the server is shown while it is news, and cleared once the match moves on: a
 * red banner must not stay after later moves succeed (issue 13).
 */
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useFreshRefusal, type RefusalSource } from '../../src/ui/online/refusal';

/** A client as the banner reads it: its state id and the server's notices, changed by the test. */
function fakeClient() {
  const client = { stateID: 4, chatMessages: [] as { id: string; sender: string; payload: unknown }[] };
  const source = {
    get chatMessages() {
      return client.chatMessages;
    },
    getState: () => ({ _stateID: client.stateID }),
  } as unknown as RefusalSource;
  return { client, source };
}

describe('the refusal banner', () => {
  it('shows a refusal when it arrives and clears it once a later move goes through; a new refusal shows again', () => {
    const { client, source } = fakeClient();
    const { result, rerender } = renderHook(() => useFreshRefusal(source));
    expect(result.current).toBeNull();

    client.chatMessages = [{ id: 'a', sender: 'server', payload: { refused: { code: 'paused' } } }];
    rerender();
    const worded = result.current;
    expect(worded).toMatch(/Paused by your teacher/);
    rerender();
    expect(result.current).toBe(worded);

    client.stateID = 5;
    rerender();
    expect(result.current).toBeNull();

    client.chatMessages = [...client.chatMessages, { id: 'b', sender: 'server', payload: { refused: { code: 'paused' } } }];
    rerender();
    expect(result.current).toBe(worded);
  });

  it('a notice from anyone but the server, or one that is not a refusal, shows nothing', () => {
    const { client, source } = fakeClient();
    const { result, rerender } = renderHook(() => useFreshRefusal(source));
    client.chatMessages = [{ id: 'a', sender: '1', payload: { refused: { code: 'paused' } } }];
    rerender();
    expect(result.current).toBeNull();
    client.chatMessages = [{ id: 'b', sender: 'server', payload: { hello: true } }];
    rerender();
    expect(result.current).toBeNull();
  });
});
