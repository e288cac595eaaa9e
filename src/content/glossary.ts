/**
 * The glossary: terms the game, its cards and its debrief use, explained for a 14-year-old,
 * each with a concrete example from the source essay or from play.
 */
import type { GlossaryEntry } from './types';

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'deRisking',
    term: 'De-risking',
    definition:
      'Cutting back on how much you rely on a rival for important things, without stopping trade altogether. The aim is that the rival cannot hurt you badly by suddenly refusing to sell or buy.',
    example:
      'The Biden administration called its China policy de-risking: keep buying everyday goods, but find other suppliers for chips, medicines and minerals. In the game, most de-risking moves lower Interdependence.',
  },
  {
    id: 'decoupling',
    term: 'Decoupling',
    definition:
      'Going further than de-risking: trying to pull two economies apart so they trade and invest with each other as little as possible.',
    example:
      'Trade Representative Jamieson Greer speaks of “strategic decoupling”. The essay argues that the word differs from de-risking more than the goal does: both parties want less dependence on China.',
  },
  {
    id: 'exportControls',
    term: 'Export controls',
    definition:
      'Government rules that stop companies from selling certain goods or technology abroad, or to certain countries, without a licence. They are used to keep sensitive tech away from rivals.',
    example:
      'From October 2022 the U.S. blocked sales of advanced chips and AI technology to China and tightened the rules in 2023 and 2024. In the game, “Tighten export controls” raises the Export controls track.',
  },
  {
    id: 'entityList',
    term: 'Entity list',
    definition:
      'A U.S. Commerce Department blacklist. American firms need a special licence, usually refused, to sell technology to any company on it.',
    example:
      'During Trump’s first term, Huawei was cut off from U.S. chip technology, which crippled its plan to lead the world in 5G networks. Beijing saw this as a bigger blow than the tariffs.',
  },
  {
    id: 'unreliableEntityList',
    term: 'Unreliable entity list',
    definition:
      'China’s answer to the U.S. entity list. Beijing can put a foreign company on it to stop it trading with or investing in China.',
    example:
      'In February 2025 China listed Illumina, a U.S. maker of gene-sequencing machines, after U.S. rules stopped it selling its best products to Chinese firms. In the game, “Sanction a U.S. firm” does this.',
  },
  {
    id: 'tariff',
    term: 'Tariff',
    definition:
      'A tax on goods brought in from another country. The importer pays it, and often passes the cost on to shoppers, so tariffs protect home producers but can raise prices.',
    example:
      'In early 2025 Washington added 10 percentage points to tariffs on Chinese goods and threatened 10 more. In the game each U.S. tariff step is 10 percentage points, and 3 or more steps push up U.S. inflation.',
  },
  {
    id: 'counterTariff',
    term: 'Counter-tariff (retaliation)',
    definition:
      'A tariff a country puts on in answer to someone else’s tariff, to hit back. Countries often aim them at goods that hurt the other side’s politics most, such as farm products.',
    example:
      'In 2025 China answered the U.S. tariff hike with tariffs on only a limited set of U.S. goods, keeping a path to a deal open. In the game, Beijing’s counter-tariffs cost Washington Support in farm states.',
  },
  {
    id: 'phaseOne',
    term: 'Phase One deal',
    definition:
      'A U.S.–China trade deal signed in January 2020. The U.S. paused and trimmed some tariffs, and China promised to buy $200 billion more U.S. goods and services over two years: factory goods such as planes and machines most of all, then energy, services and farm products.',
    example:
      'The pandemic struck weeks later, and both sides quietly gave up on the purchase targets, which were unrealistic anyway. The game’s 2020 scenario starts with this deal and the pandemic event.',
  },
  {
    id: 'plazaAccord',
    term: 'Plaza Accord',
    definition:
      'A 1985 agreement, made at the Plaza Hotel in New York, in which the U.S., Japan, West Germany, France and Britain worked together to push down the value of the dollar, making U.S. exports cheaper.',
    example:
      'The U.S. used the threat of tariffs to win the deal. Many Chinese policymakers see it as a trap that led to Japan’s 1990 crash, so they are wary of a similar “Mar-a-Lago accord” today.',
  },
  {
    id: 'smithsonianAgreement',
    term: 'Smithsonian Agreement',
    definition:
      'A 1971 deal, struck at the Smithsonian Institution in Washington, in which the ten richest trading nations (the G-10) raised the value of their currencies against the dollar.',
    example:
      'President Nixon had slapped an extra import tax on America’s partners to force the deal. It weakened the dollar for a while, but it broke down within two years and did not lead to lasting cooperation.',
  },
  {
    id: 'investmentScreening',
    term: 'Investment screening',
    definition:
      'Government checks on foreign money coming into a country, to block deals that could harm national security, such as a rival buying a key technology firm.',
    example:
      'A February 2025 memo told the Treasury to restrict Chinese investment in the “crown jewels” of the U.S. economy. In the game, Washington can screen and block Beijing’s factory offers.',
  },
  {
    id: 'criticalMinerals',
    term: 'Critical minerals',
    definition:
      'Raw materials that modern industry and armies cannot do without and that come from only a few places, so a cut-off would be very hard to replace.',
    example:
      'In December 2024 China banned exports of antimony, gallium and germanium to U.S. buyers. They go into chips, solar cells and weapons. In the game this is the Mineral bans track.',
  },
  {
    id: 'rareEarths',
    term: 'Rare earths',
    definition:
      'A group of 17 metals used in strong magnets, electric car motors, wind turbines, phones and missiles. They are not actually that rare, but they are hard and dirty to refine, and China does most of the refining.',
    example:
      'In April 2025, a few months after banning sales of gallium, germanium and antimony to U.S. buyers, China made exporters of seven rare earths and the magnets made from them apply for licences. In the game, Beijing’s “Rare-Earth Export Licences” card raises the Mineral bans track.',
  },
  {
    id: 'tradeSurplus',
    term: 'Trade surplus',
    definition:
      'When a country sells more to the rest of the world than it buys from it. The opposite is a trade deficit.',
    example:
      'China’s trade surplus came close to a record $1 trillion in 2024, which angered Europe, India, Turkey and others, not just the U.S. The “record surplus” event in the game strains the Relationship.',
  },
  {
    id: 'interdependence',
    term: 'Interdependence',
    definition:
      'How tangled two economies are: how much they buy from, sell to and invest in each other. High interdependence means both gain from trade, and both get hurt when it stops.',
    example:
      'In the game the Interdependence track runs from 0 to 20. Deals and purchase orders raise it; tariffs, bans and blacklists lower it.',
  },
  {
    id: 'leverage',
    term: 'Leverage',
    definition:
      'Power to make the other side give you something, often because you can hurt it or help it. A threat you could carry out is leverage.',
    example:
      'The essay says tariffs can give Washington leverage to win better offers from Beijing, while China’s grip on critical minerals gives Beijing leverage back. In the game, leverage is what each side spends to act.',
  },
  {
    id: 'purchaseCommitment',
    term: 'Purchase commitment',
    definition:
      'A promise in a trade deal to buy a set amount of the other country’s goods. It is easy to announce but hard to keep, because the government must make its firms buy.',
    example:
      'Under Phase One, China promised $200 billion of extra purchases over two years, from factory goods and energy to services and farm goods, but it bought none of the extra. In the game, a deal can oblige Beijing to place purchase orders for Boeing jets, LNG, farm goods or medical products every round.',
  },
  {
    id: 'selfReliance',
    term: 'Self-reliance (Made in China 2025)',
    definition:
      'Making the key things your economy needs at home instead of buying them abroad. Made in China 2025 was Beijing’s ten-year plan, launched in 2015, to do this for high-tech goods.',
    example:
      'The plan aimed to cut China’s reliance on U.S. chips, biotech and aircraft parts. In the game, Beijing’s “Self-reliance push” lowers China chip dependence next round; below 3, U.S. export controls stop slowing China’s growth.',
  },
  {
    id: 'deflation',
    term: 'Deflation',
    definition:
      'When prices across an economy keep falling. It sounds good for shoppers, but it squeezes company profits and wages and makes people put off spending, which slows growth.',
    example:
      'The essay warns that de-risking can deepen deflation in China by cutting foreign demand for its goods. In the game, low China growth stands for this, and growth of 2 or less costs Beijing Support.',
  },
  {
    id: 'inflation',
    term: 'Inflation',
    definition: 'When prices across an economy keep rising, so the same money buys less than before. Voters usually blame the government in power.',
    example:
      'The essay notes that cutting American firms off from China’s cheap, efficient factories can push U.S. prices up. In the game, U.S. tariffs of 3+ steps raise U.S. inflation, and inflation of 7 or more costs Washington Support.',
  },
  {
    id: 'outboundInvestment',
    term: 'Outbound investment rules',
    definition:
      'Limits on a country’s own companies and investors putting money into businesses abroad, for example into a rival’s chip or AI firms.',
    example:
      'Rules that took effect in January 2025 bar or require notice of some U.S. investment in Chinese chip, quantum and AI companies. Trump’s trade order asked whether to expand them.',
  },
  {
    id: 'lng',
    term: 'LNG (liquefied natural gas)',
    definition:
      'Natural gas cooled until it turns into a liquid, so it can be shipped across oceans in tanker ships and turned back into gas on arrival.',
    example:
      'China’s demand for LNG is soaring and the U.S. has plenty, so LNG is an easy purchase for a deal. In the game, “Sign an LNG contract” is one of Beijing’s purchase orders.',
  },
  {
    id: 'renminbi',
    term: 'Renminbi (currency pledge)',
    definition:
      'The renminbi, or yuan, is China’s currency. A cheaper renminbi makes Chinese goods cheaper abroad, so trading partners watch its value closely.',
    example:
      'In Phase One, Beijing agreed not to push its currency down to win exports. In the game, a currency pledge can be part of a deal: China growth −1 but Relationship +1.',
  },
  {
    id: 'c919',
    term: 'C919',
    definition: 'China’s first home-designed and home-built large passenger jet, made by the state company Comac to compete with Boeing and Airbus.',
    example:
      'China has ordered no new Boeing jets since 2017, the year the C919 first flew. In the game, once the C919 is flying, Boeing orders no longer win Washington Support.',
  },
  {
    id: 'midterms',
    term: 'Midterm elections',
    definition:
      'U.S. elections for Congress held halfway through a president’s four-year term. They are often seen as a vote on how the president is doing.',
    example:
      'Midterms come in November of a president’s second year in office, such as 2018 or 2026. In the game they fall in the second half of that year (in the 2018 and 2025 scenarios): if Washington’s Support is 3 or less its income drops for the rest of the game, and if it is 7 or more its income rises.',
  },
  {
    id: 'partyCongress',
    term: 'Party Congress',
    definition:
      'A meeting of China’s Communist Party held every five years, where it picks its top leaders and sets its main goals.',
    example:
      'The 2022 Party Congress gave Xi Jinping a third term as leader, and the next is due in 2027. In the game it falls in the second half of 2022 or 2027 (in 6- and 8-round games of the 2020 and 2025 scenarios) and checks Beijing’s Support the way the midterms check Washington’s.',
  },
];
