import { resetUrl } from '../server/auth/password-reset.ts'
import { ResetTokenStore } from '../server/auth/reset-tokens.ts'
import { UserStore } from '../server/auth/user-store.ts'
import { loadConfig } from '../server/config.ts'
import { seedOrigin } from '../server/demo/seed-demo.ts'
import { createLogger } from '../server/logger.ts'
import { openStorage } from '../server/storage/create-storage.ts'

const usage = `Usage: npm run admin -- <command>

Commands:
  reset-link <email>   print a one-time link (valid for an hour) that sets a new password for
                       the account; using it ends all the account's sessions

Reads the same environment as the server (DATA_DIR, STORAGE_URL, PUBLIC_ORIGIN, HOST, PORT).`

/** `npm run admin -- …`: operator commands on the server's storage, for when no mail server is set up. */
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  if (command !== 'reset-link' || args.length !== 1 || !args[0]) {
    console.error(usage)
    return 2
  }
  const config = loadConfig()
  if (config.storageUrl.startsWith('memory:')) {
    console.error('STORAGE_URL is memory: the running server keeps its accounts to itself; nothing to do here.')
    return 1
  }
  const storage = openStorage(config.storageUrl, { logger: createLogger('warn') })
  try {
    const user = await new UserStore(storage).getByEmail(args[0])
    if (!user?.email) {
      console.error(`No account has the e-mail ${args[0]}.`)
      return 1
    }
    const { token, expiresAt } = await new ResetTokenStore(storage).issue(user.id)
    console.log(`Password reset link for ${user.displayName} <${user.email}>, valid until ${expiresAt.toISOString()}, once:`)
    console.log(resetUrl(seedOrigin(config), token))
    return 0
  } finally {
    await storage.dispose()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
