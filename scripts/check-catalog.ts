import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { checkCatalog, isClean } from '../shared/i18n/check-catalog.ts'

// `node --import tsx scripts/check-catalog.ts de`: what shared/i18n/de.ts still lacks or gets wrong.
const language = process.argv[2]
if (!language) {
  console.error('usage: check-catalog <language code>')
  process.exit(2)
}
const file = path.resolve(import.meta.dirname, '../shared/i18n', `${language}.ts`)
const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
const catalog = module[language] as Record<string, never>
const problems = checkCatalog(language, catalog)
console.log(JSON.stringify(problems, null, 1))
console.log(isClean(problems) ? `${language}: complete` : `${language}: ${problems.missing.length} missing, not clean`)
process.exit(isClean(problems) ? 0 : 1)
