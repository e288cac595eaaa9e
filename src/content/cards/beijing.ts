/**
 * Beijing's policy cards (side `cn`). Plain data: every effect is interpreted by the engine.
 * Each card rests on a fact in the source essay (`source`) and carries an "in reality" note.
 * Purchase cards spell out their track effects; the `purchase` effect records the order.
 */
import type { CardDef } from '../types';

export const BEIJING_CARDS: readonly CardDef[] = [
  {
    id: 'mineralTrioBan',
    side: 'cn',
    title: 'Ban Gallium, Germanium and Antimony',
    text: "Stop selling three chip-making minerals to U.S. buyers, in reply to U.S. chip controls. Mineral bans +1. If U.S. mineral dependence is 3 or more, U.S. inflation +1 and Washington's Support −1. Relationship −1. Interdependence −1. Your Support +1.",
    source:
      'The essay: in December China banned all exports of antimony, gallium and germanium to U.S. buyers, minerals vital for chips, solar cells and weapons, after years of U.S. chip controls.',
    reality:
      'China first required export licences for gallium and germanium in August 2023, then in December 2024 banned their sale, and that of antimony, to the United States, a day after new U.S. chip controls.',
    cost: 2,
    tags: ['minerals'],
    requires: [
      {
        when: { kind: 'atMost', track: 'mineralBans', value: 2 },
        reason: 'Mineral bans are already at the maximum.',
      },
      {
        when: { kind: 'atLeast', track: 'exportControls', value: 3 },
        reason: 'Beijing saves this reply for heavy U.S. chip controls: export controls must be 3 or more.',
      },
    ],
    effects: [
      { kind: 'track', track: 'mineralBans', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usMineralDependence', value: 3 }],
        then: [
          { kind: 'track', track: 'usInflation', delta: 1 },
          { kind: 'track', track: 'usSupport', delta: -1 },
        ],
      },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'cnSupport', delta: 1 },
    ],
    copies: 1,
  },
  {
    id: 'rareEarthLicensing',
    side: 'cn',
    title: 'Rare-Earth Export Licences',
    text: "Make rare-earth exports need a licence, then slow the paperwork. Mineral bans +1. If U.S. mineral dependence is 3 or more, U.S. inflation +1 and Washington's Support −2. Relationship −2. Your Support +1. Next round, U.S. mineral dependence −1 as buyers hunt for other suppliers.",
    source:
      'The essay: from mid-2023 Beijing used its grip on critical minerals to answer U.S. controls, after carefully mapping the chokepoints; it warns the U.S. will struggle to end this dependence alone.',
    reality:
      'In April 2025 China made exporters of seven rare earths and related magnets apply for licences. Approvals came slowly, and some car and parts makers abroad had to slow production, which pushed the U.S. and its allies to fund new supply.',
    cost: 3,
    tags: ['minerals'],
    requires: [
      {
        when: { kind: 'atLeast', track: 'mineralBans', value: 1 },
        reason: 'Needs a mineral ban already in place.',
      },
      {
        when: { kind: 'atMost', track: 'mineralBans', value: 2 },
        reason: 'Mineral bans are already at the maximum.',
      },
    ],
    effects: [
      { kind: 'track', track: 'mineralBans', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usMineralDependence', value: 3 }],
        then: [
          { kind: 'track', track: 'usInflation', delta: 1 },
          { kind: 'track', track: 'usSupport', delta: -2 },
        ],
      },
      { kind: 'track', track: 'relationship', delta: -2 },
      { kind: 'track', track: 'cnSupport', delta: 1 },
      { kind: 'nextRound', effects: [{ kind: 'track', track: 'usMineralDependence', delta: -1 }] },
    ],
    copies: 1,
  },
  {
    id: 'unreliableEntityListing',
    side: 'cn',
    title: 'Unreliable-Entity Listing',
    text: 'Blacklist a U.S. firm that stopped selling to China, as with gene-sequencer maker Illumina. Relationship −1. Interdependence −1. Your Support +1. If U.S. export controls are 4 or more, your Support +1 more.',
    source:
      'The essay: in February China sanctioned Illumina, a leading U.S. biotech equipment firm, after it stopped selling its best products to Chinese buyers because of U.S. export controls.',
    reality:
      "In February 2025 China's commerce ministry added Illumina to its unreliable-entity list, and in March it barred the firm from exporting gene sequencers to China.",
    cost: 1,
    tags: ['tech', 'security'],
    requires: [],
    effects: [
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'cnSupport', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'exportControls', value: 4 }],
        then: [{ kind: 'track', track: 'cnSupport', delta: 1 }],
      },
    ],
    copies: 1,
  },
  {
    id: 'dataSecurityCrackdown',
    side: 'cn',
    title: 'Data-Security Crackdown',
    text: "Tighten security checks on U.S. tech firms' data in China. Interdependence −2. Relationship −1. Your Support +1. Roll a die: on 1–2 foreign firms scale back in China: China growth −1.",
    source:
      'The essay: China has some of the strictest rules in the world on sending data abroad, and firms such as Apple and Tesla find it ever harder to run AI systems there.',
    reality:
      'China passed a Data Security Law and a Personal Information Protection Law in 2021. In 2023 its cyberspace regulator said U.S. chipmaker Micron had failed a security review and told key infrastructure operators to stop buying its products.',
    cost: 1,
    tags: ['data', 'tech'],
    requires: [],
    effects: [
      { kind: 'track', track: 'interdependence', delta: -2 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'cnSupport', delta: 1 },
      { kind: 'roll', atMost: 2, then: [{ kind: 'track', track: 'cnGrowth', delta: -1 }] },
    ],
    copies: 1,
  },
  {
    id: 'chipSelfSufficiencyFund',
    side: 'cn',
    title: 'Chip Self-Sufficiency Fund',
    text: 'Pour state money into home-grown chips. China chip dependence −1 now and −1 more next round. China growth −1, as money goes to factories instead of shoppers.',
    source:
      "The essay: after the Huawei cut-off Beijing doubled down on domestic substitutes for U.S. chips, and Made in China 2025 aimed to cut reliance on U.S. technology in semiconductors.",
    reality:
      "China's national chip investment fund, often called the Big Fund, started in 2014. Its third round, set up in May 2024, raised about 344 billion yuan (close to $48 billion) for the chip industry.",
    cost: 4,
    tags: ['tech', 'economy'],
    requires: [
      {
        when: { kind: 'atLeast', track: 'cnChipDependence', value: 1 },
        reason: 'China chip dependence is already at 0.',
      },
    ],
    effects: [
      { kind: 'track', track: 'cnChipDependence', delta: -1 },
      { kind: 'nextRound', effects: [{ kind: 'track', track: 'cnChipDependence', delta: -1 }] },
      { kind: 'track', track: 'cnGrowth', delta: -1 },
    ],
    copies: 1,
  },
  {
    id: 'c919Rollout',
    side: 'cn',
    title: 'The C919 Enters Service',
    text: "China's own airliner starts carrying passengers. For the rest of the game, Boeing orders no longer win Washington Support. Your Support +1. Interdependence −1.",
    source:
      "The essay: China has placed no new Boeing order since 2017, the year its first home-designed and home-built airliner, the Comac C919, debuted.",
    reality:
      "The Comac C919 first flew in 2017 and made its first commercial flight with China Eastern Airlines in May 2023. It still relies on Western engines and many foreign parts.",
    cost: 2,
    tags: ['tech', 'economy'],
    requires: [
      {
        when: { kind: 'noFlag', flag: 'c919' },
        reason: 'The C919 is already flying.',
      },
    ],
    effects: [
      { kind: 'flag', flag: 'c919', duration: 'game' },
      { kind: 'track', track: 'cnSupport', delta: 1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
    ],
    copies: 1,
  },
  {
    id: 'brazilSoybeanPivot',
    side: 'cn',
    title: 'Buy Soybeans from Brazil',
    text: "Switch farm orders from U.S. growers to Brazil. Washington's Support −1 (farm states). Interdependence −1. Relationship −1. Your Support +1.",
    source:
      'The essay: since the 2018–19 trade war China has moved a large share of its farm imports from the United States to Brazil, to be less exposed to U.S. pressure and to reward a friendlier country.',
    reality:
      "Brazil became China's biggest soybean supplier and now provides most of the soybeans China imports, while the U.S. share has shrunk since the first trade war.",
    cost: 1,
    tags: ['farm'],
    requires: [],
    effects: [
      { kind: 'track', track: 'usSupport', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'cnSupport', delta: 1 },
    ],
    copies: 1,
  },
  {
    id: 'boeingMegaOrder',
    side: 'cn',
    title: 'Boeing Mega-Order',
    text: "Order hundreds of Boeing jets at once. Counts as a Boeing purchase. Relationship +2. Interdependence +1. Washington's Support +2 (jobs), unless the C919 is flying. Your Support −1, since it undercuts China's own plane.",
    source:
      'The essay: most Chinese airlines fly Boeing jets and China will need many more planes, yet it has not ordered from Boeing since 2017; a big aircraft deal could be announced.',
    reality:
      "During Trump's 2017 visit to Beijing, China agreed to buy 300 Boeing jets. No big new Chinese order followed for years, as trade fights, the 737 MAX groundings and the C919 got in the way.",
    cost: 3,
    tags: ['purchase', 'boeing'],
    requires: [
      {
        when: { kind: 'noFlag', flag: 'pandemic' },
        reason: 'The pandemic has halted purchase orders this round.',
      },
    ],
    effects: [
      { kind: 'purchase', good: 'boeing' },
      { kind: 'track', track: 'relationship', delta: 2 },
      { kind: 'track', track: 'interdependence', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'noFlag', flag: 'c919' }],
        then: [{ kind: 'track', track: 'usSupport', delta: 2 }],
      },
      { kind: 'track', track: 'cnSupport', delta: -1 },
    ],
    copies: 1,
  },
  {
    id: 'lngLongTermContract',
    side: 'cn',
    title: 'Long-Term LNG Contract',
    text: 'Sign a 20-year deal for U.S. liquefied natural gas. Counts as an LNG purchase now and again next round. Relationship +1. Interdependence +1.',
    source:
      "The essay: China's demand for liquefied natural gas is soaring, the U.S. has plenty, and contracts signed in Trump's first term mean U.S. shipments to China will grow fast.",
    reality:
      'Chinese firms signed long-term deals with U.S. gas exporters such as Venture Global and Cheniere from 2021 on. Even so, in February 2025 Beijing put a 15 percent tariff on U.S. LNG as part of its reply to Trump.',
    cost: 2,
    tags: ['purchase', 'lng'],
    requires: [
      {
        when: { kind: 'noFlag', flag: 'pandemic' },
        reason: 'The pandemic has halted purchase orders this round.',
      },
    ],
    effects: [
      { kind: 'purchase', good: 'lng' },
      { kind: 'track', track: 'relationship', delta: 1 },
      { kind: 'track', track: 'interdependence', delta: 1 },
      { kind: 'nextRound', effects: [{ kind: 'purchase', good: 'lng' }] },
    ],
    copies: 1,
  },
  {
    id: 'batteryPlantOffer',
    side: 'cn',
    title: 'Battery Plant Offer',
    text: 'A Chinese battery maker offers to build a big plant in the U.S. A factory offer goes on the table for Washington to approve or block. Relationship +2.',
    source:
      "The essay: Chinese firms seem keen to make goods in the U.S., but in 2023 rural Michigan voters recalled officials who backed a $2.36 billion Chinese battery plant.",
    reality:
      'Gotion, a Chinese-controlled battery company, planned a $2.36 billion plant near Big Rapids, Michigan. Opponents recalled several township officials in November 2023, and the project became a campaign issue in 2024.',
    cost: 1,
    tags: ['investment'],
    requires: [],
    effects: [{ kind: 'offer' }, { kind: 'track', track: 'relationship', delta: 2 }],
    copies: 1,
  },
  {
    id: 'renminbiStabilityPledge',
    side: 'cn',
    title: 'Renminbi Stability Pledge',
    text: 'Promise not to let the renminbi fall to help exports. Relationship +2. China growth −1, as exports lose a price edge.',
    source:
      "The essay: as in Phase One, Xi might agree to stop the renminbi falling further, though that would only keep China's surplus from growing.",
    reality:
      'The 2020 Phase One deal included a currency chapter in which China promised not to weaken its currency to win a trade edge. Earlier, in 2019, the U.S. had briefly labelled China a currency manipulator.',
    cost: 1,
    tags: ['diplomacy', 'economy'],
    requires: [],
    effects: [
      { kind: 'track', track: 'relationship', delta: 2 },
      { kind: 'track', track: 'cnGrowth', delta: -1 },
    ],
    copies: 1,
  },
  {
    id: 'informalBoycott',
    side: 'cn',
    title: 'Informal Consumer Boycott',
    text: "State media nudge shoppers to shun certain U.S. brands. Your Support +2. Washington's Support −1. Relationship −1. Interdependence −1.",
    source:
      'The essay: U.S. moves on Taiwan would push Beijing to show its people it stands up to Trump, for example by informally boycotting some U.S. goods or brands.',
    reality:
      "Beijing has used unofficial boycotts before: against South Korea's Lotte in 2017 over a U.S. missile-defense system, and against brands such as H&M and Nike in 2021 after they raised concerns about Xinjiang cotton.",
    cost: 2,
    tags: ['economy', 'security'],
    requires: [
      {
        when: { kind: 'atMost', track: 'relationship', value: 4 },
        reason: 'Boycotts only flare when ties are strained: relationship must be 4 or lower.',
      },
    ],
    effects: [
      { kind: 'track', track: 'cnSupport', delta: 2 },
      { kind: 'track', track: 'usSupport', delta: -1 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
    ],
    copies: 1,
  },
  {
    id: 'warmSignals',
    side: 'cn',
    title: 'Warm Signals from the Leader',
    text: 'Xi praises the relationship and hints at buying more U.S. goods. Relationship +1. This round, your purchase orders cost 1 less.',
    source:
      'The essay: Xi has sent Trump fairly warm signals, including informal offers to buy more U.S. goods.',
    reality:
      "Xi and Trump spoke by phone just before the January 2025 inauguration, and Xi sent Vice President Han Zheng to the ceremony, an unusually senior envoy for China.",
    cost: 1,
    tags: ['diplomacy'],
    requires: [],
    effects: [
      { kind: 'track', track: 'relationship', delta: 1 },
      { kind: 'discount', side: 'cn', tag: 'purchase', amount: 1, duration: 'round' },
    ],
    copies: 2,
  },
  {
    id: 'domesticDemandStimulus',
    side: 'cn',
    title: 'Domestic-Demand Stimulus',
    text: "Put money in shoppers' pockets so China relies less on exports. China growth +1 now and +1 more next round. The next U.S. tariff hits China's growth 1 less.",
    source:
      'The essay: while Beijing focuses on the supply side and neglects domestic demand, it can do little to cut its exposure to U.S. tariffs and controls.',
    reality:
      'From late 2024 China cut interest rates, propped up the property market and paid subsidies for shoppers who traded in old cars and appliances, but household spending stayed weak and prices kept falling.',
    cost: 3,
    tags: ['economy'],
    requires: [],
    effects: [
      { kind: 'track', track: 'cnGrowth', delta: 1 },
      { kind: 'nextRound', effects: [{ kind: 'track', track: 'cnGrowth', delta: 1 }] },
      { kind: 'flag', flag: 'tariffShield', duration: 'untilUsed' },
    ],
    copies: 1,
  },
  {
    id: 'taiwanStraitDrills',
    side: 'cn',
    title: 'Military Drills near Taiwan',
    text: "Stage large military drills around Taiwan. Your Support +2. Relationship −2. For the rest of this round, any concession by Washington costs it 1 more Support, as Congress turns angrier.",
    source:
      'The essay: tensions over foreign policy, above all Taiwan, make a trade deal hard to keep, and pressure Beijing to show its people it will stand up to Washington.',
    reality:
      "China held huge drills around Taiwan in August 2022 after U.S. House Speaker Nancy Pelosi visited the island, and again twice in 2024 after Taiwan's new president took office.",
    cost: 2,
    tags: ['security'],
    requires: [],
    effects: [
      { kind: 'track', track: 'cnSupport', delta: 2 },
      { kind: 'track', track: 'relationship', delta: -2 },
      { kind: 'flag', flag: 'hawkishCongress', duration: 'round' },
    ],
    copies: 1,
  },
  {
    id: 'measuredRetaliation',
    side: 'cn',
    title: 'Hit Back, but Only a Little',
    text: "Answer U.S. tariffs with tariffs on a short list of U.S. goods, leaving the door open to a deal. China's counter-tariffs +1. Washington's Support −1. Your Support +1. The relationship does not change.",
    source:
      "The essay: China answered Trump's tariff with tariffs on only a limited set of U.S. goods, which keeps a path to a deal open.",
    reality:
      'In February 2025 China replied to the first 10 percent U.S. tariff with 10 to 15 percent tariffs on a narrow list, including coal, LNG, crude oil, farm machinery and some cars, covering far less trade than the U.S. tariff did.',
    cost: 1,
    tags: ['tariff'],
    requires: [
      {
        when: { kind: 'atLeast', track: 'usTariff', value: 1 },
        reason: 'There are no U.S. tariffs to answer.',
      },
      {
        when: { kind: 'atMost', track: 'cnTariff', value: 3 },
        reason: "China's counter-tariffs are already at the maximum.",
      },
    ],
    effects: [
      { kind: 'track', track: 'cnTariff', delta: 1 },
      { kind: 'track', track: 'usSupport', delta: -1 },
      { kind: 'track', track: 'cnSupport', delta: 1 },
    ],
    copies: 2,
  },
];
