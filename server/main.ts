import { loadConfig } from './config.ts'
import { seedDemoIfEmpty } from './demo/seed-demo.ts'
import { createLogger } from './logger.ts'
import { startServer } from './server.ts'

/** `npm run serve`: the server process. Exits 0 after a graceful SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const server = await startServer(config, { logger })
  logger.info('listening', { url: server.url, storage: config.storageUrl.replace(/\/\/[^@]*@/, '//***@') })
  const publicUrl = config.publicOrigin ?? server.url
  if (config.createDemo) {
    const demo = await seedDemoIfEmpty(server.app.services, server.rooms, { publicOrigin: publicUrl }, logger, {
      language: config.demoLanguage,
    })
    if (demo) {
      console.log(`\n  Refresh Board is running at ${publicUrl}\n`)
      console.log(`  Demo board:  ${demo.boardUrl}`)
      console.log(`  Join link:   ${demo.joinUrl}\n`)
    }
  }
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
