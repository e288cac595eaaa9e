/**
 * Washington's policy cards (side `us`). Plain data: every effect is interpreted by the engine.
 * Each card rests on a fact in the source essay (`source`) and carries an "in reality" note.
 */
import type { CardDef } from '../types';

export const WASHINGTON_CARDS: readonly CardDef[] = [
  {
    id: 'huaweiCutoff',
    side: 'us',
    title: 'Cut Off a National Champion',
    text: "Blacklist China's top tech company from U.S. chips. Export controls +1. If China chip dependence is 3 or more, China growth −1. Beijing's Support −1. Relationship −2. Your Support +1. Next round, China chip dependence −1, because Beijing doubles down on home-grown chips.",
    source:
      "The essay: in his first term Trump cut Huawei off from U.S. chip technology; Beijing saw this as worse than the tariffs and answered by pushing harder for its own semiconductors.",
    reality:
      'In 2019 the U.S. put Huawei on its Entity List, and in 2020 extended the rules to chips made abroad with U.S. tools. Huawei lost much of its phone business, but in 2023 it launched a phone with an advanced Chinese-made chip, a sign of how the ban spurred China to build its own.',
    cost: 3,
    tags: ['controls', 'tech', 'security'],
    requires: [
      {
        when: { kind: 'atMost', track: 'exportControls', value: 4 },
        reason: 'Export controls are already at the maximum.',
      },
    ],
    effects: [
      { kind: 'track', track: 'exportControls', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'cnChipDependence', value: 3 }],
        then: [{ kind: 'track', track: 'cnGrowth', delta: -1 }],
      },
      { kind: 'track', track: 'cnSupport', delta: -1 },
      { kind: 'track', track: 'relationship', delta: -2 },
      { kind: 'track', track: 'usSupport', delta: 1 },
      { kind: 'nextRound', effects: [{ kind: 'track', track: 'cnChipDependence', delta: -1 }] },
    ],
    copies: 1,
  },
  {
    id: 'biotechEquipmentControls',
    side: 'us',
    title: 'Biotech Lab-Equipment Controls',
    text: 'Stop sales of top-end U.S. lab machines to China. Export controls +1. Relationship −1. Interdependence −1. Your Support +1. Roll a die: on 1–2 Beijing punishes a U.S. biotech firm in return: Relationship −1 more.',
    source:
      'The essay: on January 15 the Biden administration added export controls on U.S. biotech lab equipment aimed at China, and in February China sanctioned the U.S. firm Illumina.',
    reality:
      'In January 2025 the U.S. Commerce Department restricted exports of certain advanced lab instruments used in biotech research, with China in mind. Weeks later Beijing put Illumina, a maker of gene-sequencing machines, on its unreliable-entity list.',
    cost: 1,
    tags: ['controls', 'tech'],
    requires: [
      {
        when: { kind: 'atMost', track: 'exportControls', value: 4 },
        reason: 'Export controls are already at the maximum.',
      },
    ],
    effects: [
      { kind: 'track', track: 'exportControls', delta: 1 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'usSupport', delta: 1 },
      { kind: 'roll', atMost: 2, then: [{ kind: 'track', track: 'relationship', delta: -1 }] },
    ],
    copies: 1,
  },
  {
    id: 'biosecureBill',
    side: 'us',
    title: 'Pass a Biosecure-Style Bill',
    text: "Congress moves to cut U.S. drug makers' ties to Chinese labs. Your Support +1. Roll a die: on 1–3 the bill becomes law: Interdependence −2, China growth −1, Relationship −1. On 4–6 it stalls and nothing more happens.",
    source:
      'The essay: U.S. lawmakers are expected to push the Biosecure Act, meant to make U.S. biotech firms rely less on Chinese companies for drug ingredients, gene sequencing and clinical trials.',
    reality:
      'The Biosecure Act named Chinese biotech firms such as BGI and WuXi AppTec. It passed the House of Representatives in September 2024 but was left out of the big year-end defense bill, so it did not become law that year.',
    cost: 2,
    tags: ['tech', 'security'],
    requires: [],
    effects: [
      { kind: 'track', track: 'usSupport', delta: 1 },
      {
        kind: 'roll',
        atMost: 3,
        then: [
          { kind: 'track', track: 'interdependence', delta: -2 },
          { kind: 'track', track: 'cnGrowth', delta: -1 },
          { kind: 'track', track: 'relationship', delta: -1 },
        ],
      },
    ],
    copies: 1,
  },
  {
    id: 'outboundInvestmentRules',
    side: 'us',
    title: 'Outbound Investment Rules',
    text: 'U.S. investors may no longer fund Chinese chip, AI and quantum firms. Interdependence −1. China growth −1. Relationship −1. Your Support +1.',
    source:
      "The essay: Trump's January 20 trade order asked Commerce and Treasury to study widening export controls and limits on U.S. investment into China.",
    reality:
      'A 2023 executive order led the Treasury to write rules, in force from January 2025, that ban or require notice of some U.S. investments in Chinese firms working on advanced chips, quantum computing and AI.',
    cost: 2,
    tags: ['investment', 'tech'],
    requires: [],
    effects: [
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'cnGrowth', delta: -1 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'usSupport', delta: 1 },
    ],
    copies: 1,
  },
  {
    id: 'crownJewelsMemo',
    side: 'us',
    title: "Protect the 'Crown Jewels'",
    text: 'Order tougher checks on money from Beijing. Block a pending Chinese factory offer (or the next one made). Interdependence −1. Relationship −1. Your Support +1.',
    source:
      "The essay: on February 21 Trump signed a memo saying Chinese state-backed investors target the 'crown jewels' of the U.S. economy, and told the Treasury to limit Chinese investment more strictly.",
    reality:
      "The February 2025 'America First Investment Policy' memo told officials to use the investment-screening committee (CFIUS) to restrict Chinese money in technology, infrastructure, farmland and other sensitive areas, and to review U.S. investment flowing into China.",
    cost: 1,
    tags: ['investment', 'security'],
    requires: [],
    effects: [
      { kind: 'blockOffer' },
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'usSupport', delta: 1 },
    ],
    copies: 1,
  },
  {
    id: 'appReprieve',
    side: 'us',
    title: 'Reprieve for a Chinese-Owned App',
    text: 'Delay the ban on a hugely popular Chinese-owned app. Relationship +1. Your hawks call it weak: your Support −1 (a concession). This round, proposing a deal costs you 1 less.',
    source:
      "The essay: Trump signed an unusual executive order giving ByteDance a reprieve from a law that would in effect ban its app, TikTok.",
    reality:
      'A 2024 law ordered ByteDance to sell TikTok or see it banned in the U.S., and the Supreme Court upheld it in January 2025. On his first day back in office, Trump ordered a 75-day pause in enforcing the law, and later extended it.',
    cost: 1,
    tags: ['diplomacy', 'data'],
    requires: [],
    effects: [
      { kind: 'track', track: 'relationship', delta: 1 },
      { kind: 'concession', side: 'us', amount: 1 },
      { kind: 'discount', side: 'us', tag: 'deal', amount: 1, duration: 'round' },
    ],
    copies: 1,
  },
  {
    id: 'monthlyTariffPlan',
    side: 'us',
    title: 'Tariffs Up Every Month',
    text: 'Tariffs will climb until Beijing opens up. Now: U.S. tariff +1, China growth −1 (less if shielded), Relationship −1, your Support +1. Then at every round end until a deal is signed: U.S. tariff +1, China growth −1, Relationship −1 (until tariffs reach the top).',
    source:
      'The essay: advisers such as Scott Bessent and Stephen Miran floated raising tariffs on Chinese goods every month until Beijing opens its markets further.',
    reality:
      'In 2025 U.S. tariffs on China rose in quick steps: two 10-point rises in February and March, then a spiral in April that pushed them above 100 percent, until both sides agreed a 90-day truce in Geneva in May.',
    cost: 3,
    tags: ['tariff'],
    requires: [
      {
        when: { kind: 'noFlag', flag: 'tariffEscalation' },
        reason: 'An escalation plan is already running.',
      },
      {
        when: { kind: 'noDeal' },
        reason: 'A deal is in force: a tariff escalation plan would break it.',
      },
      {
        when: { kind: 'atMost', track: 'usTariff', value: 5 },
        reason: 'U.S. tariffs are already at the maximum.',
      },
    ],
    effects: [
      { kind: 'track', track: 'usTariff', delta: 1 },
      { kind: 'tariffHit', amount: 1 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'usSupport', delta: 1 },
      { kind: 'flag', flag: 'tariffEscalation', duration: 'untilDeal' },
    ],
    copies: 1,
  },
  {
    id: 'currencyAccord',
    side: 'us',
    title: 'Propose a Currency Accord',
    text: 'Use the tariff threat to push for a stronger Chinese currency. Roll a die: on 1–2 (1–3 if U.S. tariff is 4+ steps) Beijing goes along: China growth −1, your Support +1, Relationship +1. Otherwise Beijing calls it a trap: Relationship −1.',
    source:
      'The essay: some proposed a Mar-a-Lago currency accord modelled on the Smithsonian Agreement and the Plaza Accord, when tariff threats made partners strengthen their currencies; Beijing sees the Plaza Accord as a trap.',
    reality:
      "In 1971 Nixon's import surcharge pushed the G-10 into the Smithsonian Agreement, and in 1985 the Plaza Accord got Japan, West Germany, France and Britain to help push the dollar down. Both were allies under U.S. protection; many in Beijing blame the Plaza Accord for Japan's long slump.",
    cost: 2,
    tags: ['diplomacy', 'economy'],
    requires: [
      {
        when: { kind: 'atLeast', track: 'usTariff', value: 2 },
        reason: 'An accord needs a tariff threat behind it: U.S. tariff must be 2 steps or more.',
      },
    ],
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usTariff', value: 4 }],
        then: [
          {
            kind: 'roll',
            atMost: 3,
            then: [
              { kind: 'track', track: 'cnGrowth', delta: -1 },
              { kind: 'track', track: 'usSupport', delta: 1 },
              { kind: 'track', track: 'relationship', delta: 1 },
            ],
            otherwise: [{ kind: 'track', track: 'relationship', delta: -1 }],
          },
        ],
        otherwise: [
          {
            kind: 'roll',
            atMost: 2,
            then: [
              { kind: 'track', track: 'cnGrowth', delta: -1 },
              { kind: 'track', track: 'usSupport', delta: 1 },
              { kind: 'track', track: 'relationship', delta: 1 },
            ],
            otherwise: [{ kind: 'track', track: 'relationship', delta: -1 }],
          },
        ],
      },
    ],
    copies: 1,
  },
  {
    id: 'taiwanSupportPackage',
    side: 'us',
    title: 'Taiwan Support Package',
    text: 'Announce new arms and diplomatic backing for Taiwan. Your Support +2. Relationship −2.',
    source:
      'The essay: with China hawks in top jobs and in Congress, Washington is likely to restate or widen its diplomatic and military support for Taiwan, which Beijing sees as provocative.',
    reality:
      'Under the 1979 Taiwan Relations Act the U.S. sells arms to Taiwan. Beijing usually answers big packages with protests and sanctions on U.S. defense companies.',
    cost: 2,
    tags: ['security'],
    requires: [],
    effects: [
      { kind: 'track', track: 'usSupport', delta: 2 },
      { kind: 'track', track: 'relationship', delta: -2 },
    ],
    copies: 1,
  },
  {
    id: 'farmAidPackage',
    side: 'us',
    title: 'Farm Aid Package',
    text: "Send emergency payments to farmers who lost Chinese buyers. Your Support +1. If China's counter-tariffs are 2 steps or more, your Support +1 more.",
    source:
      'The essay: since the 2018–19 trade war China has moved much of its farm buying from the United States to Brazil, and its counter-tariffs target selected U.S. goods.',
    reality:
      'During the 2018–19 trade war the U.S. Department of Agriculture paid farmers more than $20 billion in trade aid to make up for lost sales to China.',
    cost: 2,
    tags: ['farm', 'economy'],
    requires: [],
    effects: [
      { kind: 'track', track: 'usSupport', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'cnTariff', value: 2 }],
        then: [{ kind: 'track', track: 'usSupport', delta: 1 }],
      },
    ],
    copies: 2,
  },
  {
    id: 'techCeoBackChannel',
    side: 'us',
    title: 'Tech-CEO Back Channel',
    text: 'A tech boss with big sales in China carries messages to Beijing. Relationship +1. This round, your next concession costs you no Support.',
    source:
      "The essay: Trump leans on tech executives; Elon Musk has his ear, and China buys over a third of Tesla's cars, so Musk could argue for pragmatism.",
    reality:
      "In early 2025 Elon Musk was one of Trump's closest advisers. Tesla builds many of its cars in Shanghai and sells a large share of them in China, yet it also faces tough Chinese electric-car rivals.",
    cost: 1,
    tags: ['diplomacy', 'tech'],
    requires: [],
    effects: [
      { kind: 'track', track: 'relationship', delta: 1 },
      { kind: 'flag', flag: 'concessionWaiver', duration: 'round' },
    ],
    copies: 1,
  },
  {
    id: 'g7MineralsCompact',
    side: 'us',
    title: 'G-7 Critical Minerals Compact',
    text: 'Team up with allies and mining countries to build supply outside China. Next round, U.S. mineral dependence −2. Relationship −1, since Beijing sees a bloc forming against it.',
    source:
      'The essay: unless the U.S. works closely with G-7 allies and big commodity producers to raise output outside China, it will struggle to cut its dependence on China for critical minerals.',
    reality:
      'The U.S. and partners launched the Minerals Security Partnership in 2022, and G-7 leaders agreed a plan for critical-minerals security in 2023. New mines and refineries take years, so China still dominates processing.',
    cost: 3,
    tags: ['minerals', 'diplomacy'],
    requires: [
      {
        when: { kind: 'atLeast', track: 'usMineralDependence', value: 1 },
        reason: 'U.S. mineral dependence is already at 0.',
      },
    ],
    effects: [
      { kind: 'nextRound', effects: [{ kind: 'track', track: 'usMineralDependence', delta: -2 }] },
      { kind: 'track', track: 'relationship', delta: -1 },
    ],
    copies: 1,
  },
  {
    id: 'connectedTechBan',
    side: 'us',
    title: 'Widen the Connected-Tech Ban',
    text: 'Extend the ban on data-collecting Chinese car parts to drones and other gadgets. Interdependence −2. Relationship −1. Your Support +1. U.S. inflation +1, as cheap Chinese products disappear.',
    source:
      "The essay: in January the Biden team limited imports of Chinese cars and parts with connected or data-collecting tech, drafted a similar rule for drones, and Trump's first-day trade order asked to consider more products.",
    reality:
      'A U.S. rule finished in January 2025 bans Chinese and Russian software and hardware in internet-connected cars, phased in over the next model years. The same month, officials began a rule-making on Chinese drones.',
    cost: 1,
    tags: ['data', 'tech', 'security'],
    requires: [],
    effects: [
      { kind: 'track', track: 'interdependence', delta: -2 },
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'usSupport', delta: 1 },
      { kind: 'track', track: 'usInflation', delta: 1 },
    ],
    copies: 1,
  },
  {
    id: 'tradePolicyReview',
    side: 'us',
    title: 'America First Trade Review',
    text: 'Order the Commerce and Treasury departments to study new controls and investment limits. Draw 2 policy cards.',
    source:
      "The essay: Trump's January 20 order on balancing trade told Commerce and Treasury to judge whether to widen export controls and outbound investment limits.",
    reality:
      "On his first day back in office, Trump signed an 'America First Trade Policy' memo asking agencies for reports on trade deficits, China's Phase One purchases, export controls and more, due within about ten weeks.",
    cost: 1,
    tags: ['tech'],
    requires: [],
    effects: [{ kind: 'draw', side: 'us', count: 2 }],
    copies: 1,
  },
  {
    id: 'inviteChineseFactories',
    side: 'us',
    title: 'Invite Chinese Factories',
    text: 'Say Chinese firms are welcome to build plants in America. A Chinese factory offer goes on the table. Relationship +1. Roll a die: on 1–2 your hawks object: your Support −1 (a concession).',
    source:
      "The essay: Trump has hinted he may encourage Chinese firms to build U.S. factories, as Japan's 1980s investment eased trade tensions, though Chinese projects face strong local opposition.",
    reality:
      'In the 1980s Japanese carmakers such as Honda and Toyota opened U.S. plants, which helped calm trade fights. Chinese investors today face tough federal screening, and some towns have fought Chinese-owned plants.',
    cost: 1,
    tags: ['investment', 'diplomacy'],
    requires: [],
    effects: [
      { kind: 'offer' },
      { kind: 'track', track: 'relationship', delta: 1 },
      { kind: 'roll', atMost: 2, then: [{ kind: 'concession', side: 'us', amount: 1 }] },
    ],
    copies: 1,
  },
  {
    id: 'splitScreenTariffs',
    side: 'us',
    title: 'Tariffs with a Smile',
    text: "Raise tariffs while praising your friendship with China's leader. U.S. tariff +1, and China takes a tariff hit: growth −1 (less if shielded). Your Support +1. The relationship does not change.",
    source:
      'The essay: Trump added a 10 percent tariff on Chinese goods and threatened more, while boasting of his good ties with Xi Jinping and hinting at a new trade deal.',
    reality:
      'In February 2025 Trump put an extra 10 percent tariff on Chinese imports and added another 10 percent in March, while still calling his relationship with Xi very good and talking up a possible deal.',
    cost: 2,
    tags: ['tariff'],
    requires: [
      {
        when: { kind: 'atMost', track: 'usTariff', value: 5 },
        reason: 'U.S. tariffs are already at the maximum.',
      },
    ],
    effects: [
      { kind: 'track', track: 'usTariff', delta: 1 },
      { kind: 'tariffHit', amount: 1 },
      { kind: 'track', track: 'usSupport', delta: 1 },
    ],
    copies: 2,
  },
];
