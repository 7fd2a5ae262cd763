import { statSync } from 'node:fs'
import path from 'node:path'
import { storageKind, takeBackup } from '../server/backup/backup.ts'
import { loadConfig } from '../server/config.ts'
import { createLogger } from '../server/logger.ts'
import { openStorage } from '../server/storage/create-storage.ts'

const usage = `Usage: npm run backup -- --out FILE

Writes every key of the server's store (boards with their full update logs, accounts, sessions,
members, invites, snapshots, images, open ballots and private notes) to FILE, a gzip'd NDJSON
file with a checksum per key. Safe while the server runs: each board's document is complete as
of the moment it was read (docs/operations.md, "Backups and restore").

Reads the same environment as the server (DATA_DIR, STORAGE_URL).`

/** `npm run backup -- --out FILE` */
async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--out')
  const out = at >= 0 ? argv[at + 1] : undefined
  if (!out || argv.length !== 2) {
    console.error(usage)
    return 2
  }
  const config = loadConfig()
  if (config.storageUrl.startsWith('memory:')) {
    console.error('STORAGE_URL is memory: the running server keeps its data to itself; there is nothing to back up here.')
    return 1
  }
  const storage = openStorage(config.storageUrl, { logger: createLogger('warn') })
  try {
    const file = path.resolve(out)
    const summary = await takeBackup(storage, file, { kind: storageKind(config.storageUrl) })
    console.log(
      `Backed up ${summary.keys} keys (${summary.boards} boards) to ${file} (${statSync(file).size} bytes, sha256 of entries ${summary.sha256}).`,
    )
    if (summary.keys === 0)
      console.error(`Warning: the store (${storageKind(config.storageUrl)}) is empty — are DATA_DIR / STORAGE_URL the server's?`)
    return 0
  } finally {
    await storage.dispose()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
