import { type BoardDocument, parseBoardDocument } from '../schema/document.ts'

/**
 * The board of the worked examples in analyse.test.ts (every number there is computed by
 * hand from this). Site of 2,000 m², creative threshold 3, default commitment weights.
 *
 *   actors  sector    need  commitment   stance     infl int  budget
 *   a1      creative  300   loi          champion   4    5    6
 *   a2      culture   200   idea         supporter  2    4    3
 *   a3      commerce  100   signed       neutral    4    4
 *   a4      industry  500   precontract  blocker    5    4
 *   a5      public    –     interested   champion   5    5
 *   a6      creative  50    interested   critic     1    2
 *   a7      owner     –     signed       supporter  5    2
 *
 *   uses    category     m²   zone  rent €/m²/month  investment  running/year  income/year  funding
 *   u1      makerspace   400  z1    5                300,000     18,000        –            eu
 *   u2      studio       200  z1    8                –           –             –
 *   u3      gastronomy   300  z2    10               120,000     30,000        42,000       loan
 *   u4      events       100  z2    –   (revenueModel subsidy)  80,000  12,000  –          –
 *   u5      production   500  z3    4                100,000     –             –            own
 *   u6      community    –    zX (missing)
 *
 *   zones   z1 800 m², z2 300 m², z3 no area
 *
 *   links   l1 a1→u1 operates · l2 a2→u2 uses · l3 a2→u3 operates · l4 u1→a4 supplies
 *           l5 a1→a3 cooperates · l6 a4→a2 synergy · l7 a5→u5 funds · l8 a1→ghost operates
 *           l9 a4→u5 operates · l10 a5→a1 supports · l11 a3→u1 uses · l12 a7→z1 owns
 *           l13 gone→u4 uses
 *           amounts: l7 60,000 € (a public actor funds u5); l10 5,000 € (not `funds`: not counted)
 *
 *   phases  p1 analysis      2027-01…2027-06  [a5]
 *           p2 interim       2027-04…2028-03  [u1, u2, a1, u3]
 *           p3 pilot         2028-04…2029-03  [u3, u5, ghost2]
 *           p4 consolidation 2029-01…2030-12  [u1, u5, a4]
 */
const box = (x: number, y: number) => ({ x, y, w: 180, h: 90 })

export const workedExampleInput = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'worked', title: 'Worked example' },
  site: { name: 'Malzfabrik', areaM2: 2000 },
  settings: { creativeThreshold: 3 },
  elements: [
    {
      id: 'a1',
      kind: 'actor',
      ...box(0, 0),
      label: 'Töpferei Kollektiv',
      sector: 'creative',
      subsector: 'crafts',
      spaceNeedM2: 300,
      commitment: 'loi',
      stance: 'champion',
      influence: 4,
      interest: 5,
      budgetEurM2Month: 6,
    },
    {
      id: 'a2',
      kind: 'actor',
      ...box(0, 100),
      label: 'Kulturverein',
      sector: 'culture',
      spaceNeedM2: 200,
      commitment: 'idea',
      stance: 'supporter',
      influence: 2,
      interest: 4,
      budgetEurM2Month: 3,
    },
    {
      id: 'a3',
      kind: 'actor',
      ...box(0, 200),
      label: 'Bäckerei Šimek',
      sector: 'commerce',
      spaceNeedM2: 100,
      commitment: 'signed',
      stance: 'neutral',
      influence: 4,
      interest: 4,
    },
    {
      id: 'a4',
      kind: 'actor',
      ...box(0, 300),
      label: 'Metallbau GmbH',
      sector: 'industry',
      spaceNeedM2: 500,
      commitment: 'precontract',
      stance: 'blocker',
      influence: 5,
      interest: 4,
    },
    {
      id: 'a5',
      kind: 'actor',
      ...box(0, 400),
      label: 'Gemeinde',
      sector: 'public',
      commitment: 'interested',
      stance: 'champion',
      influence: 5,
      interest: 5,
    },
    {
      id: 'a6',
      kind: 'actor',
      ...box(0, 500),
      label: 'Fotografin',
      sector: 'creative',
      spaceNeedM2: 50,
      commitment: 'interested',
      stance: 'critic',
      influence: 1,
      interest: 2,
    },
    {
      id: 'a7',
      kind: 'actor',
      ...box(0, 600),
      label: 'Eigentümer',
      sector: 'owner',
      commitment: 'signed',
      stance: 'supporter',
      influence: 5,
      interest: 2,
    },
    {
      id: 'u1',
      kind: 'use',
      ...box(300, 0),
      label: 'Open workshop',
      category: 'makerspace',
      areaM2: 400,
      zone: 'z1',
      rentEurM2Month: 5,
      investmentEur: 300000,
      runningCostEurYear: 18000,
      fundingSource: 'eu',
    },
    { id: 'u2', kind: 'use', ...box(300, 100), label: 'Studios', category: 'studio', areaM2: 200, zone: 'z1', rentEurM2Month: 8 },
    {
      id: 'u3',
      kind: 'use',
      ...box(300, 200),
      label: 'Café',
      category: 'gastronomy',
      areaM2: 300,
      zone: 'z2',
      rentEurM2Month: 10,
      investmentEur: 120000,
      runningCostEurYear: 30000,
      incomeEurYear: 42000,
      fundingSource: 'loan',
    },
    {
      id: 'u4',
      kind: 'use',
      ...box(300, 300),
      label: 'Festival hall',
      category: 'events',
      areaM2: 100,
      zone: 'z2',
      revenueModel: 'subsidy',
      investmentEur: 80000,
      runningCostEurYear: 12000,
    },
    {
      id: 'u5',
      kind: 'use',
      ...box(300, 400),
      label: 'Workshop hall',
      category: 'production',
      areaM2: 500,
      zone: 'z3',
      rentEurM2Month: 4,
      investmentEur: 100000,
      fundingSource: 'own',
    },
    { id: 'u6', kind: 'use', ...box(300, 500), label: 'Neighbourhood room', category: 'community', zone: 'zX' },
    { id: 'z1', kind: 'zone', x: 600, y: 0, w: 400, h: 200, label: 'Hall A', areaM2: 800 },
    { id: 'z2', kind: 'zone', x: 600, y: 250, w: 400, h: 200, label: 'Hall B', areaM2: 300 },
    { id: 'z3', kind: 'zone', x: 600, y: 500, w: 400, h: 200, label: 'Yard' },
    { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
    { id: 'l2', kind: 'link', from: 'a2', to: 'u2', relation: 'uses' },
    { id: 'l3', kind: 'link', from: 'a2', to: 'u3', relation: 'operates' },
    { id: 'l4', kind: 'link', from: 'u1', to: 'a4', relation: 'supplies' },
    { id: 'l5', kind: 'link', from: 'a1', to: 'a3', relation: 'cooperates' },
    { id: 'l6', kind: 'link', from: 'a4', to: 'a2', relation: 'synergy' },
    { id: 'l7', kind: 'link', from: 'a5', to: 'u5', relation: 'funds', amountEur: 60000 },
    { id: 'l8', kind: 'link', from: 'a1', to: 'ghost', relation: 'operates' },
    { id: 'l9', kind: 'link', from: 'a4', to: 'u5', relation: 'operates' },
    { id: 'l10', kind: 'link', from: 'a5', to: 'a1', relation: 'supports', amountEur: 5000 },
    { id: 'l11', kind: 'link', from: 'a3', to: 'u1', relation: 'uses' },
    { id: 'l12', kind: 'link', from: 'a7', to: 'z1', relation: 'owns' },
    { id: 'l13', kind: 'link', from: 'gone', to: 'u4', relation: 'uses' },
    {
      id: 'p1',
      kind: 'phase',
      ...box(0, 800),
      label: 'Analysis',
      stage: 'analysis',
      start: '2027-01',
      end: '2027-06',
      refs: ['a5'],
    },
    {
      id: 'p2',
      kind: 'phase',
      ...box(0, 900),
      label: 'Interim',
      stage: 'interim',
      start: '2027-04',
      end: '2028-03',
      refs: ['u1', 'u2', 'a1', 'u3'],
    },
    {
      id: 'p3',
      kind: 'phase',
      ...box(0, 1000),
      label: 'Pilot',
      stage: 'pilot',
      start: '2028-04',
      end: '2029-03',
      refs: ['u3', 'u5', 'ghost2'],
    },
    {
      id: 'p4',
      kind: 'phase',
      ...box(0, 1100),
      label: 'Consolidation',
      stage: 'consolidation',
      start: '2029-01',
      end: '2030-12',
      refs: ['u1', 'u5', 'a4'],
    },
  ],
}

function parsed(input: unknown): BoardDocument {
  const result = parseBoardDocument(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

export const workedExample: BoardDocument = parsed(workedExampleInput)

/** The worked example with changed parts, parsed (throws when the change makes it invalid). */
export function workedExampleWith(change: (input: typeof workedExampleInput) => void): BoardDocument {
  const input = structuredClone(workedExampleInput)
  change(input)
  return parsed(input)
}
