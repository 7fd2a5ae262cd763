import type { Message } from './types.ts'

/** Money (issue 17): the use and link fields of a financial plan and the viability figures from them. */
export const enMoney = {
  'enum.fundingSource.own': 'Own funds',
  'enum.fundingSource.private': 'Private investors',
  'enum.fundingSource.loan': 'Loan',
  'enum.fundingSource.municipal': 'Municipality',
  'enum.fundingSource.regional': 'Region',
  'enum.fundingSource.national': 'National funding',
  'enum.fundingSource.eu': 'EU funding',
  'enum.fundingSource.foundation': 'Foundation',
  'enum.fundingSource.crowdfunding': 'Crowdfunding',
  'enum.fundingSource.mixed': 'Mixed',

  'field.investmentEur': 'Investment (€)',
  'field.runningCostEurYear': 'Running cost (€ per year)',
  'field.incomeEurYear': 'Income (€ per year)',
  'field.fundingSource': 'Funding source',
  'field.amountEur': 'Amount (€)',

  'diff.field.investmentEur': 'investment',
  'diff.field.runningCostEurYear': 'running cost per year',
  'diff.field.incomeEurYear': 'income per year',
  'diff.field.fundingSource': 'funding source',
  'diff.field.amountEur': 'amount',

  'export.field.investmentEur': 'investment (€)',
  'export.field.runningCostEurYear': 'running cost (€/year)',
  'export.field.incomeEurYear': 'income (€/year)',
  'export.field.fundingSource': 'funding source',
  'export.field.amountEur': 'amount (€)',

  'export.xlsx.investment': 'Investment (€)',
  'export.xlsx.runningCost': 'Running cost (€/year)',
  'export.xlsx.income': 'Income (€/year)',
  'export.xlsx.fundingSource': 'Funding source',
  'export.xlsx.amount': 'Amount (€)',

  'analysis.money.title': 'Investment and funding',
  'analysis.money.none':
    'No use has an investment, running cost or funding yet. Enter them for each use in the inspector, and the amount on each “funds” link.',
  'analysis.money.investment': 'Investment',
  'analysis.money.runningCost': 'Running cost per year',
  'analysis.money.income': 'Income per year',
  'analysis.money.costRecovery': 'Cost recovery',
  'analysis.money.payback': 'Payback (years)',
  'analysis.money.breakEven': 'Break-even year',
  'analysis.money.never': 'not reached',
  'analysis.money.funding': 'Funding',
  'analysis.money.subsidyDependency': 'Subsidy dependency',
  'analysis.money.bySource': 'Funding by source',
  'analysis.money.unspecified': 'Source not named',
  'analysis.money.summary': 'Investment {investment}, break-even {year}',
  'analysis.explain.money.meaning':
    'Whether the concept can be financed and carries itself: what it costs to set up, whether income covers the running cost, when the investment is earned back, and how much of the money is public.',
  'analysis.explain.money.how':
    'Cost recovery = income ÷ running cost (income of a use without its own figure: rent × area × 12). Payback = investment ÷ (income − running cost); the break-even year counts that many years from the first phase that opens a use with money (else the timeline’s start). Funding = the amounts on “funds” links plus the investment they leave uncovered, by source; a public actor’s money and the municipal, regional, national and EU sources are public. Subsidy dependency = public ÷ all funding.',
} as const satisfies Record<string, Message>
