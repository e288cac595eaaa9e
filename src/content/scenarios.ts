/** The three starting situations (R2.2). Track values follow the design brief. */
import type { ScenarioDef } from './types';

/**
 * Scheduled events fall in the half-year when they really happen (R9.2): round 1 is the first
 * half of the start year, round 2 the second half, and so on.
 */

export const SCENARIOS: readonly ScenarioDef[] = [
  {
    id: '2025',
    title: '2025: Split screen',
    text: 'Tariffs are climbing again, chips are controlled, and China has just banned three critical minerals. Yet both leaders talk of a deal. Can either side get what it wants without a rupture?',
    source: 'The essay: a 10 percent tariff hike, threats of more, warm words between the leaders, and China’s December mineral ban.',
    reality: 'In early 2025 Washington raised tariffs while dangling a new trade deal, and Beijing answered in measured steps.',
    startYear: 2025,
    tracks: {
      relationship: 4,
      usSupport: 6,
      cnSupport: 6,
      usInflation: 4,
      cnGrowth: 4,
      interdependence: 10,
      usTariff: 2,
      cnTariff: 1,
      exportControls: 3,
      mineralBans: 1,
      usMineralDependence: 4,
      cnChipDependence: 4,
      usLeverage: 4,
      cnLeverage: 3,
    },
    pendingOffers: 0,
    deal: null,
    // Midterms Nov. 2026, 21st Party Congress autumn 2027, presidential election Nov. 2028.
    schedule: { 4: 'midterms', 6: 'partyCongress', 8: 'presidentialElection' },
    shorterGames: { '6': { usLeverage: 3 } },
  },
  {
    id: '2018',
    title: '2018: The trade war begins',
    text: 'The two economies are tightly linked and there are no tariffs yet. Whoever strikes first gains leverage, but every blow also cuts the ties that make both sides rich.',
    source: 'The essay: the 2018–19 trade war, the Huawei cut-off, and China’s move of farm buying to Brazil.',
    reality: 'In 2018 Washington put tariffs on hundreds of billions of dollars of Chinese goods and Beijing hit back.',
    startYear: 2018,
    tracks: {
      relationship: 6,
      usSupport: 6,
      cnSupport: 6,
      usInflation: 2,
      cnGrowth: 6,
      interdependence: 16,
      usTariff: 0,
      cnTariff: 0,
      exportControls: 1,
      mineralBans: 0,
      usMineralDependence: 5,
      cnChipDependence: 5,
      usLeverage: 3,
      cnLeverage: 4,
    },
    pendingOffers: 0,
    deal: null,
    // Midterms Nov. 2018, presidential election Nov. 2020 (the next Party Congress is in 2022).
    schedule: { 2: 'midterms', 6: 'presidentialElection' },
    shorterGames: { '4': { cnGrowth: 5, cnLeverage: 3 }, '6': { cnLeverage: 3 } },
  },
  {
    id: '2020',
    title: '2020: Phase One',
    text: 'A deal is in force: tariffs paused and China promised to buy far more from America, factory goods most of all, then energy, services and farm goods. Then a pandemic strikes. Can the deal survive?',
    source: 'The essay: the Phase One deal of early 2020 and its purchase targets, quietly dropped after the pandemic.',
    reality: 'China bought only about 57 percent of what Phase One asked for, and energy fell furthest short. Both sides let the promises fade.',
    startYear: 2020,
    tracks: {
      relationship: 6,
      usSupport: 5,
      cnSupport: 5,
      usInflation: 3,
      cnGrowth: 6,
      interdependence: 14,
      usTariff: 2,
      cnTariff: 3,
      exportControls: 1,
      mineralBans: 0,
      usMineralDependence: 5,
      cnChipDependence: 4,
      usLeverage: 4,
      cnLeverage: 3,
    },
    pendingOffers: 0,
    deal: { terms: ['tariffCut1', 'buyLng'] },
    // The pandemic, the presidential election of Nov. 2020, the 20th Party Congress of Oct. 2022.
    schedule: { 1: 'pandemic', 2: 'presidentialElection', 6: 'partyCongress' },
    shorterGames: { '4': { cnLeverage: 5 } },
  },
];
