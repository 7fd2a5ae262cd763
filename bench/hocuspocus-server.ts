import { Server } from '@hocuspocus/server'

// @hocuspocus/server 3.4 as the benchmarks run it: no extensions (no persistence), any token
// accepted, loopback only, its own process. Prints `{"port": n}` on stdout once listening.
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
await server.listen()
console.log(JSON.stringify({ port: server.address.port }))
const stop = () => {
  server.destroy().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGTERM', stop)
