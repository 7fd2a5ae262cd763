import { type WebSocket, WebSocketServer } from 'ws'

// The floor for fan-out: a bare `ws` server that relays every message to every other socket
// of the same path, doing nothing else. Prints `{"port": n}` on stdout once listening.
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
const rooms = new Map<string, Set<WebSocket>>()
wss.on('connection', (ws, req) => {
  const room = req.url ?? '/'
  const peers = rooms.get(room) ?? new Set()
  rooms.set(room, peers)
  peers.add(ws)
  ws.on('message', (data, isBinary) => {
    for (const peer of peers) if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: isBinary })
  })
  ws.on('close', () => peers.delete(ws))
})
wss.on('listening', () => {
  const address = wss.address()
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
})
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate()
  wss.close(() => process.exit(0))
})
