/**
 * Choices for the site profile form. The codes are stored in the board (CONTRACT.md `site`);
 * labels come from the catalog (`enum.heritageStatus.*`, `enum.siteCondition.*`) and country
 * names from `Intl.DisplayNames`, so all of them follow the UI language.
 */

/** The Interreg CENTRAL EUROPE programme area first, then neighbours and other partner countries. */
export const centralEuropeanCountries = ['AT', 'HR', 'CZ', 'DE', 'HU', 'IT', 'PL', 'SK', 'SI'] as const
export const otherCountries = [
  'AL',
  'BE',
  'BA',
  'BG',
  'CH',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'IE',
  'LI',
  'LT',
  'LU',
  'LV',
  'ME',
  'MK',
  'MT',
  'NL',
  'NO',
  'PT',
  'RO',
  'RS',
  'SE',
  'UA',
] as const

export const heritageStatuses = ['none', 'candidate', 'local', 'listed', 'ensemble', 'world_heritage'] as const
export const siteConditions = ['good', 'fair', 'poor', 'ruinous'] as const
