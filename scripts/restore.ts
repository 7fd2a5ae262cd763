import path from 'node:path'
import { restoreBackup, StoreNotEmptyError } from '../server/backup/backup.ts'
import { BackupFileError } from '../server/backup/backup-file.ts'
import { loadConfig } from '../server/config.ts'
import { createLogger } from '../server/logger.ts'
import { openStorage } from '../server/storage/create-storage.ts'

const usage = `Usage: npm run restore -- FILE [--force]

Restores a file written by \`npm run backup\` into the store named by DATA_DIR / STORAGE_URL.
Stop the server first (or point DATA_DIR at a fresh folder). The whole file is checked before
anything is written. An empty store is required; --force removes everything in the store first.`

/** `npm run restore -- FILE [--force]` */
async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force')
  const files = argv.filter((a) => a !== '--force')
  if (files.length !== 1 || !files[0] || files[0].startsWith('-')) {
    console.error(usage)
    return 2
  }
  const config = loadConfig()
  if (config.storageUrl.startsWith('memory:')) {
    console.error('STORAGE_URL is memory: a restore there would vanish at once; point it at fs:PATH or redis://.')
    return 1
  }
  const storage = openStorage(config.storageUrl, { logger: createLogger('warn') })
  try {
    const file = path.resolve(files[0])
    const summary = await restoreBackup(storage, file, { force })
    console.log(
      `Restored ${summary.keys} keys from ${file} (backup of ${summary.createdAt})${summary.removed ? `, after removing the ${summary.removed} keys the store held` : ''}.`,
    )
    return 0
  } catch (error) {
    if (error instanceof StoreNotEmptyError) {
      console.error(`Refused: ${error.message}.`)
      return 1
    }
    if (error instanceof BackupFileError) {
      console.error(`Refused: the backup file is damaged or not a backup, nothing was written: ${error.message}.`)
      return 1
    }
    throw error
  } finally {
    await storage.dispose()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
