/**
 * World events. Unscheduled events form the public deck: one is drawn and applied at the
 * start of each round (R4.2, R9.1). Scheduled events never enter the deck; a scenario's schedule
 * puts them in given rounds instead (midterms, Party Congress, presidential election, and
 * the pandemic that opens the 2020 scenario).
 *
 * Balance note: events are public luck. Across the deck about as many events lean against
 * Washington (8) as against Beijing (7); the rest hurt both (3) or help both (4).
 */
import type { EventDef } from './types';

const WORLD_EVENTS: readonly EventDef[] = [
  {
    id: 'chipBreakthrough',
    scheduled: false,
    title: 'Chinese chip breakthrough',
    text: 'A Chinese company shows off a chip that experts thought U.S. export controls had put out of reach. China chip dependence −1.',
    effects: [{ kind: 'track', track: 'cnChipDependence', delta: -1 }],
    source: 'The essay: after the U.S. cut Huawei off from American chip technology, Beijing grew even more determined to build its own chips.',
    reality:
      'In 2023 Huawei launched the Mate 60 Pro phone with an advanced 7-nanometre processor made by China’s SMIC, despite U.S. controls. In early 2025 the Chinese start-up DeepSeek released an AI model that rivalled leading U.S. systems.',
  },
  {
    id: 'surplusPushback',
    scheduled: false,
    title: 'Europe and others push back on Chinese exports',
    text: 'Europe, India, Turkey and others put up barriers to cheap Chinese goods. China growth −1. If U.S. tariffs are 3+ steps, China growth −1 more: goods shut out of America pile up in other markets and draw even more complaints.',
    effects: [
      { kind: 'track', track: 'cnGrowth', delta: -1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usTariff', value: 3 }],
        then: [{ kind: 'track', track: 'cnGrowth', delta: -1 }],
      },
    ],
    source: 'The essay: China’s huge surpluses are causing friction with European countries, India, South Africa, Turkey and China’s Asian neighbours.',
    reality:
      'In late 2024 the European Union added duties of up to about 35 percent on electric cars made in China, on top of its usual 10 percent car tariff. Turkey put an extra 40 percent tariff on Chinese cars the same year, and India runs many anti-dumping cases against Chinese goods.',
  },
  {
    id: 'recordSurplus',
    scheduled: false,
    title: 'China’s trade surplus nears $1 trillion',
    text: 'China sells the world far more than it buys. Relationship −1. U.S. hawks stir: if U.S. tariffs are 2 steps or less, Washington Support −1 (they call it weakness); if 3+ steps, Washington Support +1 (the tariffs look justified).',
    effects: [
      { kind: 'track', track: 'relationship', delta: -1 },
      {
        kind: 'if',
        when: [{ kind: 'atMost', track: 'usTariff', value: 2 }],
        then: [{ kind: 'track', track: 'usSupport', delta: -1 }],
        otherwise: [{ kind: 'track', track: 'usSupport', delta: 1 }],
      },
    ],
    source: 'The essay: China’s trade surplus came close to a record $1 trillion in 2024.',
    reality:
      'Chinese customs data put the 2024 goods surplus at about $992 billion, the largest any country had recorded. By U.S. count, the American goods deficit with China alone was about $295 billion that year.',
  },
  {
    id: 'lngDemand',
    scheduled: false,
    title: 'China’s thirst for LNG soars',
    text: 'Chinese cities and factories want more liquefied natural gas, and the U.S. has plenty to sell. Beijing’s LNG purchase orders cost 1 less leverage this round.',
    effects: [{ kind: 'discount', side: 'cn', tag: 'lng', amount: 1, duration: 'round' }],
    source: 'The essay: China’s demand for liquefied natural gas is soaring, and contracts already signed will make U.S. LNG sales to China grow fast.',
    reality:
      'China became the world’s largest LNG importer in 2021 and again in 2023, and Chinese buyers signed long-term contracts with U.S. exporters. Yet in February 2025 Beijing put a 15 percent tariff on U.S. LNG, and shipments to China dried up for a while.',
  },
  {
    id: 'autoSuppliers',
    scheduled: false,
    title: 'Chinese auto suppliers eye U.S. plants',
    text: 'Chinese car-parts makers want factories in America to stay close to their customers. Beijing gets a free factory offer: it goes on the table, and Washington may approve or block it.',
    effects: [{ kind: 'offer' }],
    source: 'The essay: Chinese auto suppliers look eager to produce in the U.S., all the more if they risk losing access to the U.S. market.',
    reality:
      'Chinese glassmaker Fuyao opened a big auto-glass plant in a former General Motors factory in Ohio in 2016, the story told in the film American Factory. Many other Chinese parts makers chose Mexico, close to U.S. buyers but with fewer political risks.',
  },
  {
    id: 'plantRecall',
    scheduled: false,
    title: 'Voters recall officials over a Chinese plant',
    text: 'Local voters turn on the leaders who welcomed a Chinese-owned factory. If any Chinese plant has been approved, Washington Support −1.',
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'approvedPlants', atLeast: 1 }],
        then: [{ kind: 'track', track: 'usSupport', delta: -1 }],
      },
    ],
    source: 'The essay: in 2023 voters in rural Michigan recalled local officials who had backed a $2.36 billion plant by a Chinese battery maker.',
    reality:
      'In November 2023 voters in Green Charter Township, Michigan, removed board members who had supported a battery plant by Gotion, the U.S. arm of a Chinese company. The project became a national issue and was attacked on the 2024 campaign trail.',
  },
  {
    id: 'techLobby',
    scheduled: false,
    title: 'Tech bosses lobby for access to China',
    text: 'U.S. executives with big sales in China press the White House to calm things down. This round, Washington’s next concession (such as a tariff cut) costs no Support.',
    effects: [{ kind: 'flag', flag: 'concessionWaiver', duration: 'round' }],
    source: 'The essay: tech leaders such as Elon Musk have the president’s ear, and China buys more than a third of Tesla’s cars.',
    reality:
      'Tesla’s Shanghai factory, opened in 2019, became its biggest by output, and most iPhones are still assembled in China. Bosses such as Elon Musk and Tim Cook kept close ties in both capitals, though Tesla also fears cheap Chinese electric cars.',
  },
  {
    id: 'hawkishCongress',
    scheduled: false,
    title: 'Congress turns more hawkish',
    text: 'China hawks take key jobs in Congress and the cabinet. This round every Washington concession costs 1 more Support. If the Relationship is 6 or more, Washington Support −1: hawks say Washington is too friendly with Beijing.',
    effects: [
      { kind: 'flag', flag: 'hawkishCongress', duration: 'round' },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'relationship', value: 6 }],
        then: [{ kind: 'track', track: 'usSupport', delta: -1 }],
      },
    ],
    source: 'The essay: prominent China hawks such as Mike Waltz and Marco Rubio got top posts, and hard-line views on China dominate Congress.',
    reality:
      'In 2023 the House set up a Select Committee on the Chinese Communist Party by a large vote of both parties, and bills on TikTok, biotech and Chinese investment won big majorities. Rubio became secretary of state and Waltz national security adviser in 2025.',
  },
  {
    id: 'taiwanTensions',
    scheduled: false,
    title: 'Tensions flare in the Taiwan Strait',
    text: 'Washington backs Taiwan more openly. Beijing answers with military drills, and shoppers quietly boycott some U.S. brands. Relationship −1. Interdependence −1.',
    effects: [
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
    ],
    source: 'The essay: U.S. support for Taiwan will push Beijing to show its public it can stand up to Washington, for example with informal boycotts of U.S. goods or brands.',
    reality:
      'After U.S. House Speaker Nancy Pelosi visited Taiwan in August 2022, China held large military drills around the island and suspended several lines of talks with Washington. Chinese shoppers have boycotted foreign brands during political rows before.',
  },
  {
    id: 'inflationSurprise',
    scheduled: false,
    title: 'U.S. prices jump',
    text: 'Shop prices rise faster than expected. U.S. inflation +1. If U.S. tariffs are 3+ steps, voters blame the tariffs: Washington Support −1.',
    effects: [
      { kind: 'track', track: 'usInflation', delta: 1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usTariff', value: 3 }],
        then: [{ kind: 'track', track: 'usSupport', delta: -1 }],
      },
    ],
    source: 'The essay: de-risking can push up U.S. inflation by cutting American firms off from China’s efficient factories.',
    reality:
      'A tariff is paid by the importer, who often passes the cost on to shoppers. Studies of the 2018–19 tariffs found that nearly all of their cost fell on U.S. buyers rather than on Chinese sellers.',
  },
  {
    id: 'deflationDeepens',
    scheduled: false,
    title: 'Deflation deepens in China',
    text: 'Chinese prices keep falling as factories make more than people buy. China growth −1. If U.S. tariffs are 3+ steps, lost export orders make it worse: Beijing Support −1.',
    effects: [
      { kind: 'track', track: 'cnGrowth', delta: -1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usTariff', value: 3 }],
        then: [{ kind: 'track', track: 'cnSupport', delta: -1 }],
      },
    ],
    source: 'The essay: de-risking can deepen deflation in China by shrinking foreign demand for Chinese products.',
    reality:
      'China’s consumer prices barely rose in 2023 and 2024, and factory-gate prices fell for more than two years in a row. A housing slump left families careful with money, so factories leaned harder on exports.',
  },
  {
    id: 'g7Summit',
    scheduled: false,
    title: 'G-7 summit on critical minerals',
    text: 'Allied leaders agree to mine and refine more outside China. Washington’s minerals actions cost 1 less leverage this round.',
    effects: [{ kind: 'discount', side: 'us', tag: 'minerals', amount: 1, duration: 'round' }],
    source: 'The essay: the U.S. will struggle to cut its dependence on Chinese critical minerals unless it works closely with G-7 allies and other producers.',
    reality:
      'At the 2023 Hiroshima summit, G-7 leaders adopted a plan for critical-minerals security, and the U.S.-led Minerals Security Partnership backs mines and refineries among friendly countries. China still refines most of the world’s rare earths, gallium and germanium.',
  },
  {
    id: 'biotechSanction',
    scheduled: false,
    title: 'China sanctions a U.S. biotech firm',
    text: 'A U.S. gene-sequencing firm stops selling its best machines to China, so Beijing blacklists it. Relationship −1. Interdependence −1. If export controls are 4+, the tit-for-tat is harsher: Relationship −1 more.',
    effects: [
      { kind: 'track', track: 'relationship', delta: -1 },
      { kind: 'track', track: 'interdependence', delta: -1 },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'exportControls', value: 4 }],
        then: [{ kind: 'track', track: 'relationship', delta: -1 }],
      },
    ],
    source: 'The essay: U.S. controls on biotech lab equipment came in January, and in February China sanctioned Illumina after it stopped selling its top products to Chinese firms.',
    reality:
      'China put Illumina on its unreliable entity list in February 2025 and in March barred it from selling gene sequencers into China, a market where it had long been a leading supplier.',
  },
  {
    id: 'brazilWorries',
    scheduled: false,
    title: 'Brazil worries about Chinese factory goods',
    text: 'Brazil sells China soybeans but fears cheap Chinese goods will hurt its own factories. Beijing cools on its favourite farm supplier: Beijing’s U.S. farm purchase orders cost 1 less leverage this round.',
    effects: [{ kind: 'discount', side: 'cn', tag: 'farm', amount: 1, duration: 'round' }],
    source: 'The essay: Brazil keeps a trade surplus with China thanks to commodities, yet fears Chinese manufactured goods threaten its industry.',
    reality:
      'In 2024 Brazil brought back import tariffs on electric cars, rising step by step to 35 percent, and put quotas with 25 percent tariffs on some steel imports, with Chinese goods in mind. Brazil is still China’s biggest soybean supplier.',
  },
  {
    id: 'connectedCarsWiden',
    scheduled: false,
    title: 'Washington reviews wider tech import curbs',
    text: 'A White House order asks officials to look at extending the connected-car rule to other products. Washington’s tech actions cost 1 less leverage this round. Interdependence −1.',
    effects: [
      { kind: 'discount', side: 'us', tag: 'tech', amount: 1, duration: 'round' },
      { kind: 'track', track: 'interdependence', delta: -1 },
    ],
    source: 'The essay: the America First Trade Policy order, signed on the first day, asks the commerce secretary to consider widening the car and drone controls to more products.',
    reality:
      'The connected-vehicle rule, finished in January 2025, bars Chinese software from cars sold in the U.S. from model year 2027 and Chinese hardware from model year 2030. Officials then began looking at drones in the same way.',
  },
  {
    id: 'medicalExports',
    scheduled: false,
    title: 'U.S. medical sales to China climb',
    text: 'Chinese hospitals keep buying U.S. medicines and devices. Beijing’s medical purchase orders cost 1 less leverage this round. Interdependence +1.',
    effects: [
      { kind: 'discount', side: 'cn', tag: 'medical', amount: 1, duration: 'round' },
      { kind: 'track', track: 'interdependence', delta: 1 },
    ],
    source: 'The essay: U.S. medical exports to China have grown for several years, to almost $15 billion in 2023.',
    reality:
      'China is one of the largest markets for U.S. drugs and medical devices. At the same time, Beijing’s bulk-buying scheme for public hospitals pushes prices down and often favours Chinese makers.',
  },
  {
    id: 'japanPrecedent',
    scheduled: false,
    title: 'Echoes of Japan in the 1980s',
    text: 'Commentators recall how Japanese car plants in America calmed trade fights. If any Chinese plant has been approved, Relationship +1. If none has, Beijing gets a free factory offer to put on the table.',
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'approvedPlants', atLeast: 1 }],
        then: [{ kind: 'track', track: 'relationship', delta: 1 }],
        otherwise: [{ kind: 'offer' }],
      },
    ],
    source: 'The essay: Beijing knows that Japan’s investment in the U.S. economy helped ease the trade tensions of the 1980s.',
    reality:
      'Honda began building cars in Ohio in 1982, followed by Nissan in Tennessee and Toyota in Kentucky. The plants created many U.S. jobs and softened anger over Japanese imports, but Japan was a U.S. ally, which China is not.',
  },
  {
    id: 'xiWarmSignals',
    scheduled: false,
    title: 'Warm signals from Xi',
    text: 'China’s leader praises his ties with the U.S. president and hints that China could buy more U.S. goods. Relationship +1. Beijing’s next purchase order costs 1 less leverage.',
    effects: [
      { kind: 'track', track: 'relationship', delta: 1 },
      { kind: 'discount', side: 'cn', tag: 'purchase', amount: 1, duration: 'untilUsed' },
    ],
    source: 'The essay: Xi has sent fairly warm signals to Trump, including informal offers to buy more U.S. goods.',
    reality:
      'Trump and Xi spoke by phone in January 2025, just before the inauguration, and both called the talk a good one. Beijing also kept its first counter-tariffs narrow, leaving room to bargain.',
  },
  {
    id: 'biosecurePush',
    scheduled: false,
    title: 'Congress pushes the Biosecure Act',
    text: 'Lawmakers move to wean U.S. drug makers off Chinese labs and suppliers. Interdependence −1. China growth −1 as Chinese firms lose clients. U.S. inflation +1 as drug research gets dearer.',
    effects: [
      { kind: 'track', track: 'interdependence', delta: -1 },
      { kind: 'track', track: 'cnGrowth', delta: -1 },
      { kind: 'track', track: 'usInflation', delta: 1 },
    ],
    source: 'The essay: lawmakers are likely to push harder for the Biosecure Act, which aims to cut U.S. biotech’s reliance on Chinese firms for drug ingredients, gene sequencing and clinical trials.',
    reality:
      'The House passed a Biosecure bill in September 2024 that named Chinese firms such as BGI and WuXi AppTec, but it was left out of the year-end defence bill. Drug makers warned that switching suppliers could take years.',
  },
  {
    id: 'crownJewels',
    scheduled: false,
    title: 'The “crown jewels” memo',
    text: 'The White House orders tougher checks on Chinese money in key U.S. industries. A Chinese factory offer on the table is blocked; if there is none, the next one will be. Relationship −1.',
    effects: [{ kind: 'blockOffer' }, { kind: 'track', track: 'relationship', delta: -1 }],
    source: 'The essay: a February 21 memo accused Chinese state-backed investors of targeting the U.S. economy’s “crown jewels” and told the Treasury to limit investment in both directions.',
    reality:
      'The America First Investment Policy memo of February 2025 promised quicker approval for investors from allied countries and stricter screening of Chinese buyers in areas such as technology, farmland and infrastructure.',
  },
  {
    id: 'dataLawSqueeze',
    scheduled: false,
    title: 'Data laws squeeze Apple and Tesla',
    text: 'Beijing tightens checks on data leaving China, making life harder for U.S. firms that run AI-powered services there. Beijing’s data actions cost 1 less leverage this round. Interdependence −1.',
    effects: [
      { kind: 'discount', side: 'cn', tag: 'data', amount: 1, duration: 'round' },
      { kind: 'track', track: 'interdependence', delta: -1 },
    ],
    source: 'The essay: China’s strict limits on sending data abroad make it hard for firms such as Apple and Tesla to run AI systems in China.',
    reality:
      'China’s Data Security Law and Personal Information Protection Law took effect in 2021. Tesla keeps Chinese car data in a data centre in Shanghai, and Apple stores Chinese users’ iCloud data with a state-owned partner in Guizhou.',
  },
  {
    id: 'madeInChina10',
    scheduled: false,
    title: 'Made in China 2025 reaches its target year',
    text: 'Beijing takes stock of its ten-year plan to make its own high-tech goods. If China chip dependence is 3 or less, the Party hails success: Beijing Support +1. If it is 4 or more, critics point to the gap: Beijing Support −1.',
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'atMost', track: 'cnChipDependence', value: 3 }],
        then: [{ kind: 'track', track: 'cnSupport', delta: 1 }],
        otherwise: [{ kind: 'track', track: 'cnSupport', delta: -1 }],
      },
    ],
    source: 'The essay: Made in China 2025, launched in 2015, set out to cut China’s reliance on foreign, above all U.S., inputs such as chips, biotech and aerospace parts.',
    reality:
      'The plan set self-sufficiency goals for ten industries. China now leads the world in electric cars, batteries and solar panels but still relies on foreign tools and designs for the most advanced chips. After U.S. criticism, officials stopped naming the plan in public from 2018.',
  },
];

const SCHEDULED_EVENTS: readonly EventDef[] = [
  {
    id: 'pandemic',
    scheduled: true,
    title: 'A pandemic shuts down trade',
    text: 'A new virus closes factories, ports and borders. No purchase orders can be placed this round, so a deal’s purchase promises cannot be met. Interdependence −2.',
    effects: [
      { kind: 'flag', flag: 'pandemic', duration: 'round' },
      { kind: 'track', track: 'interdependence', delta: -2 },
    ],
    source: 'The essay: the pandemic’s blow to China’s economy and to world trade helped sink the Phase One deal, whose purchase targets both sides quietly dropped.',
    reality:
      'COVID-19 hit weeks after Phase One was signed in January 2020. China was to buy about $502 billion of U.S. goods and services in 2020 and 2021: its 2017 level for both years plus $200 billion. The Peterson Institute counted about $289 billion, 57 percent of the target and below the 2017 level, so none of the extra $200 billion. Neither side pushed to enforce the rest.',
  },
  {
    id: 'midterms',
    scheduled: true,
    title: 'U.S. midterm elections',
    text: 'Americans elect a new Congress halfway through the president’s term. If Washington Support is 3 or less: Washington income −1 every round for the rest of the game. If it is 7 or more: Washington income +1 every round for the rest of the game.',
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'atMost', track: 'usSupport', value: 3 }],
        then: [{ kind: 'income', side: 'us', delta: -1 }],
      },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usSupport', value: 7 }],
        then: [{ kind: 'income', side: 'us', delta: 1 }],
      },
    ],
    source: 'The essay: hard-line views on China dominate Congress, so Washington’s China policy has to answer to lawmakers and the voters who elect them.',
    reality:
      'Midterms fall two years into a president’s term, and the president’s party usually loses seats. In 2018, in the middle of the first trade war, Democrats won the House, while farm states hit by Chinese counter-tariffs received billions in federal aid.',
  },
  {
    id: 'partyCongress',
    scheduled: true,
    title: 'Communist Party Congress',
    text: 'China’s ruling party meets to set its course and confirm its leaders. If Beijing Support is 3 or less: Beijing income −1 every round for the rest of the game. If it is 7 or more: Beijing income +1 every round for the rest of the game.',
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'atMost', track: 'cnSupport', value: 3 }],
        then: [{ kind: 'income', side: 'cn', delta: -1 }],
      },
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'cnSupport', value: 7 }],
        then: [{ kind: 'income', side: 'cn', delta: 1 }],
      },
    ],
    source: 'The essay: Beijing must show its public that it can stand up to Washington, and Xi has long preached self-reliance to his own audience.',
    reality:
      'The Communist Party holds a national congress every five years. The 20th, in October 2022, gave Xi Jinping a third term as party leader; the 21st is due in 2027, during the 2025 scenario’s sixth round.',
  },
  {
    id: 'presidentialElection',
    scheduled: true,
    title: 'U.S. presidential election',
    text: 'Americans choose their next president, and prices are on every voter’s mind. If U.S. inflation is 6 or more, Washington Support −1. If it is 3 or less, Washington Support +1.',
    effects: [
      {
        kind: 'if',
        when: [{ kind: 'atLeast', track: 'usInflation', value: 6 }],
        then: [{ kind: 'track', track: 'usSupport', delta: -1 }],
      },
      {
        kind: 'if',
        when: [{ kind: 'atMost', track: 'usInflation', value: 3 }],
        then: [{ kind: 'track', track: 'usSupport', delta: 1 }],
      },
    ],
    source: 'The essay: de-risking has real costs, including higher U.S. inflation when American firms lose access to China’s efficient factories.',
    reality:
      'Americans choose a president every four years, in November: 2020, 2024, 2028. The game holds the vote in the half-year it really falls: late 2020 in the 2018 and 2020 scenarios, late 2028 in the 2025 scenario. In 2020, in the middle of the pandemic, Joe Biden beat Trump. In 2024, voters angry about the price rises of the previous years helped bring Trump back on a promise of more tariffs.',
  },
];

export const EVENTS: readonly EventDef[] = [...WORLD_EVENTS, ...SCHEDULED_EVENTS];
