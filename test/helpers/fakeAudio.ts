/**
 * A stand-in for the Web Audio API in happy-dom (which has none): counts the contexts made and
 * the tones started. `vi.stubGlobal('AudioContext', fakeAudio().AudioContext)`.
 */
export function fakeAudio() {
  const heard = { contexts: 0, tones: 0, frequencies: [] as number[], peaks: [] as number[] };
  class AudioContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    constructor() {
      heard.contexts += 1;
    }
    resume() {
      return Promise.resolve();
    }
    createGain() {
      return {
        gain: {
          setValueAtTime: () => undefined,
          exponentialRampToValueAtTime: (value: number) => void heard.peaks.push(value),
        },
        connect: () => undefined,
      };
    }
    createOscillator() {
      return {
        type: 'sine',
        frequency: { setValueAtTime: (value: number) => void heard.frequencies.push(value) },
        connect: () => undefined,
        start: () => {
          heard.tones += 1;
        },
        stop: () => undefined,
      };
    }
  }
  return { heard, AudioContext };
}
