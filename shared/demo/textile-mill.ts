import { type MessageKey, type Translator, translatorFor } from '../i18n/index.ts'
import { phaseBoxFor } from '../scene/timeline.ts'
import { BoardDocument, type BoardDocumentInput } from '../schema/document.ts'
import { DEFAULT_COMMITMENT_WEIGHTS } from '../schema/enums.ts'
import { indicesBetween } from '../schema/fractional-index.ts'

/**
 * The demo board: "Spinnerei Weißenau", a fictional cotton mill in a fictional small town
 * in Saxony near the Czech and Polish borders, mid-way through a reuse workshop. It shows
 * every element kind with realistic data and the letters of Central European languages.
 *
 * Layout (canvas units, cards 216×100 on rows 140 apart): actors in two frames on either side
 * of the uses, each actor level with the use it is linked to, so that every link runs through
 * a free gutter where its label can be read; actors linked only to another actor sit next to
 * or below it. The site plan with its zones and a frame of open questions are on the right,
 * the phasing timeline (shared/scene/timeline.ts: 24 units per month, 2027-01 at x = 0)
 * across the bottom.
 */

const CARD_W = 216
const CARD_H = 100
const ROW = 140
const PAD = 20
const HEADER = 56

/** A card at `row` (may be fractional: a use between the two actors linked to it) of a column at x. */
const at = (x: number, row: number) => ({ x, y: HEADER + Math.round(row * ROW), w: CARD_W, h: CARD_H })

const TOP_ROWS = 9
const TOP_H = HEADER + TOP_ROWS * ROW - 20
// Columns: LL | L (actors) · gutter · U1 | U2 (uses) · gutter · R (actors) · site plan
const ACTORS_X = -120
const COL_LL = ACTORS_X + PAD
const COL_L = COL_LL + CARD_W + 150
const USES_X = COL_L + CARD_W + PAD + 200
const COL_U1 = USES_X + PAD
const COL_U2 = COL_U1 + CARD_W + 60
const PARTNERS_X = COL_U2 + CARD_W + PAD + 200
const COL_R = PARTNERS_X + PAD
const SITE_X = COL_R + CARD_W + PAD + 60
const SITE_W = 1180
const SITE_H = 660
const TIMELINE_Y = TOP_H + 70
const PHASE_H = 64
const PHASE_ROW = 80

/** Where each card goes: [column x, row]. */
const placement: Record<string, readonly [number, number]> = {
  'a-szonyi': [COL_LL, 0],
  'a-owner': [COL_L, 0],
  'a-residents': [COL_L, 1],
  'a-cicmany': [COL_LL, 2],
  'a-makers': [COL_L, 2],
  'a-town': [COL_L, 3],
  'a-ateliers': [COL_L, 4],
  'a-leczyca': [COL_L, 5],
  'a-foundation': [COL_L, 6],
  'u-events': [COL_U1, 0.5],
  'u-workshop': [COL_U1, 2],
  'u-visitor': [COL_U1, 3],
  'u-studios': [COL_U1, 4.5],
  'u-community': [COL_U1, 6],
  'u-coworking': [COL_U1, 7.1],
  'u-garden': [COL_U1, 8.1],
  'u-shop': [COL_U2, 0],
  'u-cafe': [COL_U2, 1],
  'u-market': [COL_U2, 2],
  'u-museum': [COL_U2, 3.5],
  'u-lab': [COL_U2, 5],
  'u-production': [COL_U2, 6],
  'u-storage': [COL_U2, 7.1],
  'a-durdevic': [COL_R, 0],
  'a-roastery': [COL_R, 1],
  'a-pradelna': [COL_R, 2],
  'a-heritage': [COL_R, 3],
  'a-sivalnica': [COL_R, 4],
  'a-uni': [COL_R, 5],
  'a-muehlbauer': [COL_R, 6],
  'a-ferrucci': [COL_R, 7],
}

const card = (id: string) => {
  const [x, row] = placement[id] ?? [COL_LL, 8]
  return at(x, row)
}

const actors = [
  {
    id: 'a-owner',
    label: 'Spinnerei Weißenau Grundbesitz GmbH',
    sector: 'owner',
    country: 'DE',
    commitment: 'signed',
    stance: 'supporter',
    influence: 5,
    interest: 4,
    legalForm: 'GmbH',
  },
  {
    id: 'a-town',
    label: 'Stadt Weißenau – Amt für Stadtentwicklung',
    sector: 'public',
    country: 'DE',
    commitment: 'loi',
    stance: 'champion',
    influence: 5,
    interest: 5,
    legalForm: 'municipality',
  },
  {
    id: 'a-heritage',
    label: 'Landesamt für Denkmalpflege, Referat Industriekultur',
    sector: 'heritage',
    country: 'DE',
    commitment: 'interested',
    stance: 'critic',
    influence: 4,
    interest: 3,
  },
  {
    id: 'a-makers',
    label: 'Werkstatt Weißenau e.V.',
    sector: 'creative',
    subsector: 'crafts',
    country: 'DE',
    spaceNeedM2: 350,
    commitment: 'loi',
    stance: 'champion',
    influence: 3,
    interest: 5,
    legalForm: 'e.V.',
    budgetEurM2Month: 4.5,
    horizon: 'from spring 2027',
  },
  {
    id: 'a-ateliers',
    label: 'Ateliergemeinschaft Fadenkreuz',
    sector: 'creative',
    subsector: 'visual_arts',
    country: 'DE',
    spaceNeedM2: 600,
    commitment: 'interested',
    stance: 'supporter',
    influence: 2,
    interest: 5,
    budgetEurM2Month: 3.5,
    horizon: 'as soon as heated',
  },
  {
    id: 'a-roastery',
    label: 'Kaffeerösterei Großmann & Söhne',
    sector: 'gastronomy',
    country: 'DE',
    spaceNeedM2: 200,
    commitment: 'precontract',
    stance: 'supporter',
    influence: 2,
    interest: 4,
    legalForm: 'GmbH',
    budgetEurM2Month: 9,
  },
  {
    id: 'a-uni',
    label: 'Technische Hochschule Erzgebirge, Fakultät Textiltechnik',
    sector: 'education',
    country: 'DE',
    spaceNeedM2: 350,
    commitment: 'loi',
    stance: 'champion',
    influence: 3,
    interest: 4,
    horizon: 'winter semester 2028',
  },
  {
    id: 'a-foundation',
    label: 'Bürgerstiftung Weißenau',
    sector: 'civil',
    country: 'DE',
    commitment: 'loi',
    stance: 'supporter',
    influence: 2,
    interest: 4,
    legalForm: 'foundation',
  },
  {
    id: 'a-residents',
    label: 'Anwohnerinitiative Mühlgraben',
    sector: 'residents',
    country: 'DE',
    commitment: 'idea',
    stance: 'critic',
    influence: 3,
    interest: 4,
  },
  {
    id: 'a-pradelna',
    label: 'Spolek Přádelna Dvůr',
    sector: 'culture',
    subsector: 'festivals',
    country: 'CZ',
    spaceNeedM2: 250,
    commitment: 'interested',
    stance: 'supporter',
    influence: 2,
    interest: 4,
    legalForm: 'z.s.',
    horizon: 'summer season',
  },
  {
    id: 'a-leczyca',
    label: 'Pracownia Łęczyca – Małgorzata Świątek-Kośmider',
    sector: 'creative',
    subsector: 'design_fashion',
    country: 'PL',
    spaceNeedM2: 120,
    commitment: 'interested',
    stance: 'neutral',
    influence: 1,
    interest: 3,
    legalForm: 'sole trader',
    budgetEurM2Month: 5,
  },
  {
    id: 'a-szonyi',
    label: 'Szőnyi Műhely Építésziroda Kft.',
    sector: 'creative',
    subsector: 'architecture',
    country: 'HU',
    spaceNeedM2: 80,
    commitment: 'loi',
    stance: 'supporter',
    influence: 2,
    interest: 4,
    legalForm: 'Kft.',
    budgetEurM2Month: 7,
  },
  {
    id: 'a-sivalnica',
    label: 'Kulturno društvo Šivalnica Žužemberk',
    sector: 'culture',
    subsector: 'crafts',
    country: 'SI',
    spaceNeedM2: 150,
    commitment: 'idea',
    stance: 'supporter',
    influence: 1,
    interest: 4,
    legalForm: 'društvo',
  },
  {
    id: 'a-muehlbauer',
    label: 'Mühlbauer Textiltechnik GmbH',
    sector: 'industry',
    country: 'AT',
    spaceNeedM2: 900,
    commitment: 'interested',
    stance: 'neutral',
    influence: 3,
    interest: 3,
    legalForm: 'GmbH',
    budgetEurM2Month: 4,
  },
  {
    id: 'a-cicmany',
    label: 'Remeselný inkubátor Čičmany o.z.',
    sector: 'creative',
    subsector: 'crafts',
    country: 'SK',
    spaceNeedM2: 100,
    commitment: 'idea',
    stance: 'supporter',
    influence: 1,
    interest: 3,
    legalForm: 'o.z.',
  },
  {
    id: 'a-durdevic',
    label: 'Dizajn studio Đurđević d.o.o.',
    sector: 'creative',
    subsector: 'design_fashion',
    country: 'HR',
    spaceNeedM2: 120,
    commitment: 'interested',
    stance: 'supporter',
    influence: 1,
    interest: 4,
    legalForm: 'd.o.o.',
    budgetEurM2Month: 6,
  },
  {
    id: 'a-ferrucci',
    label: 'Tessitura Ferrucci S.r.l.',
    sector: 'industry',
    country: 'IT',
    spaceNeedM2: 400,
    commitment: 'idea',
    stance: 'neutral',
    influence: 2,
    interest: 2,
    legalForm: 'S.r.l.',
  },
] as const

const uses = [
  {
    id: 'u-workshop',
    label: 'Open workshop',
    category: 'makerspace',
    areaM2: 400,
    zone: 'z-hall-a',
    publicAccess: true,
    revenueModel: 'membership',
    rentEurM2Month: 4,
    investmentEur: 180000,
    runningCostEurYear: 36000,
    incomeEurYear: 30000,
    fundingSource: 'eu',
  },
  {
    id: 'u-studios',
    label: 'Artist studios',
    category: 'studio',
    areaM2: 900,
    zone: 'z-hall-a',
    revenueModel: 'rent',
    rentEurM2Month: 5,
    investmentEur: 450000,
    runningCostEurYear: 40000,
    incomeEurYear: 54000,
    fundingSource: 'loan',
  },
  {
    id: 'u-coworking',
    label: 'Coworking in the villa',
    category: 'coworking',
    areaM2: 300,
    zone: 'z-villa',
    revenueModel: 'membership',
    rentEurM2Month: 9,
  },
  {
    id: 'u-events',
    label: 'Event hall',
    category: 'events',
    areaM2: 1200,
    zone: 'z-hall-b',
    publicAccess: true,
    revenueModel: 'tickets',
    investmentEur: 900000,
    runningCostEurYear: 85000,
    incomeEurYear: 70000,
    fundingSource: 'regional',
  },
  {
    id: 'u-museum',
    label: 'Textile museum',
    labels: { cs: 'Textilní muzeum', de: 'Textilmuseum' },
    category: 'exhibition',
    areaM2: 500,
    zone: 'z-dye',
    publicAccess: true,
    revenueModel: 'tickets',
    investmentEur: 600000,
    runningCostEurYear: 60000,
    incomeEurYear: 25000,
    fundingSource: 'national',
  },
  {
    id: 'u-cafe',
    label: 'Café and roastery',
    category: 'gastronomy',
    areaM2: 200,
    zone: 'z-boiler',
    publicAccess: true,
    revenueModel: 'rent',
    rentEurM2Month: 9,
    investmentEur: 120000,
    runningCostEurYear: 15000,
    incomeEurYear: 21600,
    fundingSource: 'private',
  },
  {
    id: 'u-shop',
    label: 'Design shop',
    category: 'retail',
    areaM2: 120,
    zone: 'z-villa',
    publicAccess: true,
    revenueModel: 'sales',
    rentEurM2Month: 8,
  },
  {
    id: 'u-lab',
    label: 'Textile lab',
    category: 'education',
    areaM2: 350,
    zone: 'z-dye',
    revenueModel: 'rent',
    rentEurM2Month: 6,
  },
  {
    id: 'u-production',
    label: 'Small-batch weaving',
    category: 'production',
    areaM2: 800,
    zone: 'z-hall-b',
    revenueModel: 'rent',
    rentEurM2Month: 4,
  },
  {
    id: 'u-visitor',
    label: 'Visitor centre',
    category: 'visitor_centre',
    areaM2: 150,
    zone: 'z-boiler',
    publicAccess: true,
    revenueModel: 'subsidy',
    investmentEur: 250000,
    runningCostEurYear: 30000,
    incomeEurYear: 5000,
    fundingSource: 'municipal',
  },
  {
    id: 'u-garden',
    label: 'Courtyard garden',
    category: 'green',
    areaM2: 1200,
    zone: 'z-court',
    publicAccess: true,
    revenueModel: 'subsidy',
    investmentEur: 80000,
    runningCostEurYear: 8000,
    incomeEurYear: 0,
    fundingSource: 'municipal',
  },
  {
    id: 'u-community',
    label: 'Community room',
    category: 'community',
    areaM2: 100,
    zone: 'z-villa',
    publicAccess: true,
    revenueModel: 'none',
    fundingSource: 'foundation',
  },
  {
    id: 'u-storage',
    label: 'Shared storage',
    category: 'storage',
    areaM2: 300,
    zone: 'z-hall-b',
    revenueModel: 'rent',
    rentEurM2Month: 2,
  },
  {
    id: 'u-market',
    label: 'Summer market',
    category: 'events',
    areaM2: 1000,
    zone: 'z-court',
    publicAccess: true,
    revenueModel: 'sales',
    temporary: true,
  },
] as const

// The site plan, roughly to scale: halls on the left, dye works, boiler house and villa around the courtyard.
const zone = (x: number, y: number, w: number, h: number) => ({ x: SITE_X + x, y: y, w, h })
const zones = [
  {
    id: 'z-hall-a',
    label: 'Spinning hall (Hall A)',
    labels: { de: 'Spinnsaal (Halle A)' },
    areaM2: 3200,
    ...zone(40, 80, 600, 270),
  },
  {
    id: 'z-hall-b',
    label: 'Weaving shed (Hall B)',
    labels: { de: 'Websaal (Halle B)' },
    areaM2: 2800,
    ...zone(40, 370, 600, 250),
  },
  { id: 'z-dye', label: 'Dye works', labels: { de: 'Färberei' }, areaM2: 900, ...zone(660, 80, 480, 170) },
  {
    id: 'z-boiler',
    label: 'Boiler house and chimney',
    labels: { de: 'Kesselhaus mit Schornstein' },
    areaM2: 450,
    ...zone(660, 270, 230, 150),
  },
  { id: 'z-villa', label: 'Office villa', labels: { de: 'Kontorvilla' }, areaM2: 600, ...zone(910, 270, 230, 150) },
  { id: 'z-court', label: 'Courtyard', labels: { de: 'Innenhof' }, areaM2: 2500, ...zone(660, 440, 480, 180) },
] as const

const links = [
  { id: 'l-makers-workshop', from: 'a-makers', to: 'u-workshop', relation: 'operates' },
  { id: 'l-ateliers-studios', from: 'a-ateliers', to: 'u-studios', relation: 'uses' },
  { id: 'l-leczyca-studios', from: 'a-leczyca', to: 'u-studios', relation: 'uses' },
  { id: 'l-durdevic-shop', from: 'a-durdevic', to: 'u-shop', relation: 'uses' },
  { id: 'l-roastery-cafe', from: 'a-roastery', to: 'u-cafe', relation: 'operates' },
  // the combination the concept is about: a creative studio working for an established business
  {
    id: 'l-durdevic-roastery',
    from: 'a-durdevic',
    to: 'a-roastery',
    relation: 'supplies',
    label: 'packaging and shop design',
  },
  { id: 'l-uni-lab', from: 'a-uni', to: 'u-lab', relation: 'operates' },
  { id: 'l-muehlbauer-uni', from: 'a-muehlbauer', to: 'a-uni', relation: 'cooperates', label: 'joint research on recycled yarn' },
  { id: 'l-muehlbauer-production', from: 'a-muehlbauer', to: 'u-production', relation: 'uses' },
  { id: 'l-ferrucci-muehlbauer', from: 'a-ferrucci', to: 'a-muehlbauer', relation: 'supplies' },
  { id: 'l-owner-events', from: 'a-owner', to: 'u-events', relation: 'operates' },
  { id: 'l-town-visitor', from: 'a-town', to: 'u-visitor', relation: 'funds', amountEur: 250000 },
  { id: 'l-foundation-community', from: 'a-foundation', to: 'u-community', relation: 'funds', amountEur: 40000 },
  { id: 'l-heritage-museum', from: 'a-heritage', to: 'u-museum', relation: 'regulates' },
  { id: 'l-residents-events', from: 'a-residents', to: 'u-events', relation: 'conflicts', label: 'noise at weekends' },
  { id: 'l-pradelna-market', from: 'a-pradelna', to: 'u-market', relation: 'operates' },
  { id: 'l-szonyi-owner', from: 'a-szonyi', to: 'a-owner', relation: 'supports', label: 'reuse concept' },
  { id: 'l-sivalnica-museum', from: 'a-sivalnica', to: 'u-museum', relation: 'cooperates' },
  { id: 'l-cicmany-makers', from: 'a-cicmany', to: 'a-makers', relation: 'mentors' },
  { id: 'l-production-lab', from: 'u-production', to: 'u-lab', relation: 'depends_on' },
  { id: 'l-cafe-market', from: 'u-cafe', to: 'u-market', relation: 'synergy' },
] as const

const phases = [
  {
    id: 'p-analysis',
    label: 'Site scan and stakeholder map',
    stage: 'analysis',
    start: '2026-09',
    end: '2027-02',
    refs: ['a-owner', 'a-town', 'a-heritage'],
  },
  {
    id: 'p-interim',
    label: 'Interim use of Hall A and the courtyard',
    stage: 'interim',
    start: '2027-03',
    end: '2028-08',
    refs: ['u-workshop', 'u-studios', 'u-market', 'a-makers', 'a-ateliers', 'a-pradelna'],
  },
  {
    id: 'p-pilot',
    label: 'Pilot: villa, lab and event hall',
    stage: 'pilot',
    start: '2028-06',
    end: '2029-12',
    refs: ['u-coworking', 'u-lab', 'u-events', 'u-cafe', 'a-uni', 'a-roastery'],
  },
  {
    id: 'p-consolidation',
    label: 'Consolidation: production and museum',
    stage: 'consolidation',
    start: '2030-01',
    end: '2031-12',
    refs: ['u-production', 'u-museum', 'u-visitor', 'a-muehlbauer'],
  },
  {
    id: 'p-longterm',
    label: 'Long-term operation',
    stage: 'longterm',
    start: '2032-01',
    end: '2036-12',
    refs: ['u-community', 'u-garden', 'u-shop', 'u-storage'],
  },
] as const

const NOTES_Y = SITE_H + 40 + HEADER + 10
const notes = [
  {
    id: 'n-heating',
    label: 'Heating for Hall B? The gas boiler dates from 1974 — ask the owner for the energy audit.',
    color: 'yellow',
  },
  {
    id: 'n-noise',
    label: 'Residents on the Mühlgraben fear weekend noise: end events at 22:00 during the pilot?',
    color: 'orange',
  },
  {
    id: 'n-signage',
    label: 'Bilingual signage, German and Czech?',
    labels: { cs: 'Dvojjazyčné značení, němčina a čeština?', de: 'Zweisprachige Beschilderung, Deutsch und Tschechisch?' },
    color: 'blue',
  },
  { id: 'n-roof', label: 'The dye works roof leaks: interim use on the ground floor only.', color: 'pink' },
] as const

const frames = [
  {
    id: 'f-actors',
    label: 'Actors: owner, town, creative scene',
    x: ACTORS_X,
    y: 0,
    w: COL_L + CARD_W + PAD - ACTORS_X,
    h: TOP_H,
  },
  { id: 'f-uses', label: 'Uses', x: USES_X, y: 0, w: COL_U2 + CARD_W + PAD - USES_X, h: TOP_H },
  { id: 'f-partners', label: 'Actors: business, research, culture', x: PARTNERS_X, y: 0, w: CARD_W + 2 * PAD, h: TOP_H },
  { id: 'f-site', label: 'Site plan', x: SITE_X, y: 0, w: SITE_W, h: SITE_H, locked: true },
  { id: 'f-questions', label: 'Open questions', x: SITE_X, y: SITE_H + 40, w: SITE_W, h: TOP_H - SITE_H - 40 },
  {
    id: 'f-timeline',
    label: 'Phasing',
    x: ACTORS_X,
    y: TIMELINE_Y,
    w: SITE_X + SITE_W - ACTORS_X,
    h: HEADER + 5 * PHASE_ROW + 4,
  },
] as const

const boxes = [
  ...frames.map((frame) => ({ kind: 'frame' as const, ...frame })),
  ...zones.map((zone) => ({ kind: 'zone' as const, ...zone })),
  ...actors.map((actor) => ({ kind: 'actor' as const, ...card(actor.id), ...actor })),
  ...uses.map((use) => ({ kind: 'use' as const, ...card(use.id), ...use })),
  ...phases.map((phase, index) => ({
    kind: 'phase' as const,
    ...phaseBoxFor(phase.start, phase.end, TIMELINE_Y + HEADER + index * PHASE_ROW, PHASE_H),
    ...phase,
    refs: [...phase.refs],
  })),
  ...notes.map((note, index) => ({ kind: 'note' as const, x: SITE_X + 40 + index * 280, y: NOTES_Y, w: 240, h: 190, ...note })),
]

// Stored boards carry z-order keys: frames at the bottom, then zones, then cards.
const zKeys = indicesBetween(null, null, boxes.length)

const input: BoardDocumentInput = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'demo-textile-mill', title: 'Spinnerei Weißenau — reuse workshop' },
  site: {
    name: 'Spinnerei Weißenau',
    location: 'Weißenau, Saxony (a fictional town near the Czech and Polish borders)',
    country: 'DE',
    areaM2: 12400,
    builtYear: 1889,
    formerUse: 'cotton spinning and weaving mill',
    heritageStatus: 'listed ensemble',
    condition: 'fair: roofs of the halls sound, windows, heating and the dye works roof need work',
    description:
      'A brick mill of 1889 on the Mühlgraben: a four-storey spinning hall, a sawtooth weaving shed, a dye works, ' +
      'a boiler house with its chimney and the former office villa around a cobbled courtyard. Textile production ' +
      'ended in 1991; the owner seeks a mixed reuse with the creative scene, local firms and the town.',
  },
  elements: [
    ...boxes.map((box, index) => ({ ...box, z: zKeys.ok ? zKeys.value[index] : undefined })),
    ...links.map((link) => ({ kind: 'link' as const, ...link })),
  ],
  settings: { creativeThreshold: 6, commitmentWeights: { ...DEFAULT_COMMITMENT_WEIGHTS } },
}

/**
 * The demo as a parsed board document. Parsing at load turns the literal above into the
 * exact output shape (branded ids, sorted labels); it cannot fail unless this file is
 * edited wrongly, which `textile-mill.test.ts` catches.
 */
export const textileMillDocument: BoardDocument = BoardDocument.parse(input)

/**
 * What the demo says in a language (`templates.demo.*`, shared/i18n/en-templates.ts): the
 * board title, the frames' titles and the notes' texts. The names people wrote on the cards
 * (businesses, associations, the uses and phases they planned, the zones of the mill) stay as
 * written, as on any board.
 */
const demoTexts: Record<string, MessageKey> = {
  'f-actors': 'templates.demo.frame.actors',
  'f-uses': 'templates.demo.frame.uses',
  'f-partners': 'templates.demo.frame.partners',
  'f-site': 'templates.demo.frame.site',
  'f-questions': 'templates.demo.frame.questions',
  'f-timeline': 'templates.demo.frame.timeline',
  'n-heating': 'templates.demo.note.heating',
  'n-noise': 'templates.demo.note.noise',
  'n-signage': 'templates.demo.note.signage',
  'n-roof': 'templates.demo.note.roof',
}

/**
 * The demo board in the language of `t` (the first start's `DEMO_LANG`, or the caller's when
 * a board is made from the `textile-mill` template); English without one. A note that carries a
 * translation for that language (`labels`) shows it as its text.
 */
export function textileMillDocumentIn(t: Translator<MessageKey> = translatorFor('en')): BoardDocument {
  if (t.language === 'en') return textileMillDocument
  return {
    ...textileMillDocument,
    board: { ...textileMillDocument.board, title: t('templates.demo.title') },
    elements: textileMillDocument.elements.map((element) => {
      const key = demoTexts[element.id]
      if (!key || !('label' in element)) return element
      const label = element.labels?.[t.language] ?? t(key)
      return { ...element, label }
    }),
  }
}
