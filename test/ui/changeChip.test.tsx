// @vitest-environment happy-dom
/**
 * One visual language for change (issue 13): every chip names the track's side where the name
 * alone would not, its arrow says up or down, and its colour says good or bad news for the
 * reader (or, for an onlooker, for the side the track belongs to), for both seats alike.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Side, TrackChange } from '../../src/game';
import { ChangeChip } from '../../src/ui/common/ChangeChip';

afterEach(cleanup);

function chip(change: TrackChange, viewer: Side | null) {
  const { container } = render(<ChangeChip change={change} viewer={viewer} />);
  const element = container.firstElementChild;
  cleanup();
  return { text: element?.textContent ?? '', tone: element?.classList.contains('good') ? 'good' : element?.classList.contains('bad') ? 'bad' : '?' };
}

describe('a change chip', () => {
  it('names whose support it is, so two "Support at home" chips are never confused', () => {
    expect(chip({ track: 'cnSupport', from: 6, to: 7 }, 'cn').text).toBe('▲ up: Beijing: Support at home 6 → 7');
    expect(chip({ track: 'usSupport', from: 7, to: 6 }, 'cn').text).toBe('▼ down: Washington: Support at home 7 → 6');
    expect(chip({ track: 'usLeverage', from: 5, to: 3 }, 'us').text).toBe('▼ down: Washington: Leverage 5 → 3');
    // A track whose name says whose it is needs no side.
    expect(chip({ track: 'cnGrowth', from: 3, to: 2 }, 'us').text).toBe('▼ down: China growth 3 → 2');
  });

  it('the arrow is up or down; the colour is good or bad for the reader, for either seat', () => {
    const growthFalls: TrackChange = { track: 'cnGrowth', from: 3, to: 2 };
    expect(chip(growthFalls, 'cn').tone).toBe('bad');
    expect(chip(growthFalls, 'us').tone).toBe('good');
    const inflationRises: TrackChange = { track: 'usInflation', from: 4, to: 5 };
    expect(chip(inflationRises, 'us')).toEqual({ text: '▲ up: U.S. inflation 4 → 5', tone: 'bad' });
    expect(chip(inflationRises, 'cn').tone).toBe('good');
    const relationshipFalls: TrackChange = { track: 'relationship', from: 4, to: 3 };
    expect(chip(relationshipFalls, 'us').tone).toBe('bad');
    expect(chip(relationshipFalls, 'cn').tone).toBe('bad');
  });

  it('for an onlooker, good or bad for the side the track belongs to', () => {
    expect(chip({ track: 'cnGrowth', from: 3, to: 2 }, null).tone).toBe('bad');
    expect(chip({ track: 'usSupport', from: 5, to: 6 }, null).tone).toBe('good');
    expect(chip({ track: 'usInflation', from: 4, to: 5 }, null).tone).toBe('bad');
  });
});
