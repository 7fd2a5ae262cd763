import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createBoard, exportJson, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import { tempDir } from '../helpers/server.ts'
import { connectClient, waitFor } from '../helpers/sync-client.ts'

// No container engine runs here, so this test does what the Dockerfile's runtime stage does,
// read from the Dockerfile itself: copy what its COPY lines copy (minus .dockerignore), run its
// `npm ci` line in a fresh folder, put a client built from the sources where its
// `COPY --from=build` puts it, set its ENV and run its CMD. If the image would not start or
// serve a board, this fails.

const root = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

interface Instruction {
  keyword: string
  args: string
}

interface Stage {
  name: string
  workdir: string
  instructions: Instruction[]
}

/** The Dockerfile's stages (one instruction per line, `\` continuations joined, comments out). */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const stages: Stage[] = []
  for (const line of lines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? []
    const upper = keyword.toUpperCase()
    if (upper === 'FROM') {
      stages.push({ name: /\sAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length), workdir: '/', instructions: [] })
      continue
    }
    const stage = stages.at(-1)
    if (!stage) continue
    if (upper === 'WORKDIR') stage.workdir = path.posix.resolve(stage.workdir, args)
    stage.instructions.push({ keyword: upper, args })
  }
  return stages
}

/** A .dockerignore pattern as Docker reads it: from the context root, `**` for any folders. */
function ignoreMatcher(text: string): (relative: string) => boolean {
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
  const regexes = patterns.map((p) => {
    if (p.startsWith('!')) throw new Error(`.dockerignore exceptions (${p}) are not read by this test`)
    const clean = path.posix.normalize(p.replace(/^\/+/, ''))
    let source = ''
    for (let i = 0; i < clean.length; i++) {
      const ch = clean[i] as string
      if (clean.startsWith('**/', i)) {
        source += '(?:.*/)?'
        i += 2
      } else if (clean.startsWith('**', i)) {
        source += '.*'
        i += 1
      } else if (ch === '*') source += '[^/]*'
      else if (ch === '?') source += '[^/]'
      else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
    return new RegExp(`^${source}$`)
  })
  // a path is left out when it, or one of its folders, matches
  return (relative) => {
    const parts = relative.split('/')
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/')
      if (regexes.some((r) => r.test(prefix))) return true
    }
    return false
  }
}

/** `COPY [--flags] src... dest` → its flags, sources and destination. */
function parseCopy(args: string): { from: string | null; sources: string[]; dest: string } {
  const words = args.split(/\s+/)
  const flags = words.filter((w) => w.startsWith('--'))
  const rest = words.filter((w) => !w.startsWith('--'))
  const dest = rest.pop()
  if (!dest || rest.length === 0) throw new Error(`cannot read COPY ${args}`)
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null
  return { from, sources: rest, dest }
}

/** Copies `source` (from the build context) to `dest` the way COPY does, skipping ignored paths. */
function copyFromContext(source: string, dest: string, ignored: (relative: string) => boolean): number {
  const from = path.join(root, source)
  if (!existsSync(from)) throw new Error(`COPY source ${source} does not exist`)
  let copied = 0
  const copyFile = (file: string, target: string) => {
    const relative = path.relative(root, file).split(path.sep).join('/')
    if (ignored(relative)) return
    mkdirSync(path.dirname(target), { recursive: true })
    copyFileSync(file, target)
    copied++
  }
  if (statSync(from).isDirectory()) {
    for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const file = path.join(entry.parentPath, entry.name)
      copyFile(file, path.join(dest, path.relative(from, file)))
    }
  } else {
    copyFile(from, dest.endsWith('/') || dest === '.' ? path.join(dest, path.basename(from)) : dest)
  }
  return copied
}

/** `CMD ["a", "b"]` (exec form) as its words. */
function execForm(args: string): string[] {
  const words: unknown = JSON.parse(args)
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
    throw new Error(`CMD must be in JSON (exec) form: ${args}`)
  }
  return words
}

/** `ENV A=1 B=2` pairs (unquoted values). */
function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {}
  for (const word of args.split(/\s+/)) {
    const at = word.indexOf('=')
    if (at <= 0) throw new Error(`ENV must be KEY=VALUE: ${args}`)
    pairs[word.slice(0, at)] = word.slice(at + 1)
  }
  return pairs
}

/**
 * This process's environment without what npm and Vitest put there: under `npm test`,
 * `npm_config_local_prefix` would point a nested `npm ci` at this checkout, and Vitest's
 * variables would change how Vite builds.
 */
function outsideEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_(config_(local_)?prefix|lifecycle_|package_)|VITEST|NODE_ENV$|TEST$)/i.test(key),
    ),
  )
}

interface Started {
  url: string
  child: ChildProcess
  output(): string
  exited: Promise<number | null>
}

/** Runs the image's CMD in `cwd` and resolves once the server logs where it listens. */
function startCommand(cmd: string[], cwd: string, env: Record<string, string>): Promise<Started> {
  const [program, ...args] = cmd
  if (program !== 'node') throw new Error(`the image's CMD starts ${program}; this test runs node commands`)
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const collect = (d: Buffer) => {
    out += d.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = /"msg":"listening"[^\n]*"url":"([^"]+)"/.exec(out)
      if (m?.[1]) resolve({ url: m[1], child, output: () => out, exited })
    }
    child.stdout?.on('data', check)
    void exited.then((code) => reject(new Error(`the image's CMD exited with ${code}:\n${out}`)))
  })
}

describe('production install: what the Docker image does, without a container engine', () => {
  const dockerfile = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))
  const runtime = dockerfile.at(-1) as Stage
  const tmp = tempDir('rb-image-')
  const app = path.join(tmp.dir, 'app')
  const dataDir = path.join(tmp.dir, 'data')
  let server: Started | null = null
  /** what the server said, request lines left out */
  const serverLog = () =>
    (server?.output() ?? '')
      .split('\n')
      .filter((line) => !line.includes('"msg":"request"'))
      .join('\n')

  beforeAll(async () => {
    expect(dockerfile.length, 'a build stage and a runtime stage').toBeGreaterThanOrEqual(2)
    const ignored = ignoreMatcher(readFileSync(path.join(root, '.dockerignore'), 'utf8'))
    const inApp = (dest: string) =>
      path.join(app, path.posix.relative(runtime.workdir, path.posix.resolve(runtime.workdir, dest)))
    mkdirSync(app, { recursive: true })
    const pending: Promise<unknown>[] = []
    for (const { keyword, args } of runtime.instructions) {
      if (keyword === 'COPY') {
        const copy = parseCopy(args)
        const dest = inApp(copy.dest) + (copy.dest.endsWith('/') ? '/' : '')
        if (copy.from === null) {
          for (const source of copy.sources) copyFromContext(source, dest, ignored)
          continue
        }
        // the build stage's output: only the client, which it builds with `npm run build`
        const stage = dockerfile.find((s) => s.name === copy.from)
        const built = copy.sources.map((s) => path.posix.relative(stage?.workdir ?? '/', s))
        expect(built, `COPY --from=${copy.from}: this test knows how to make dist/client only`).toEqual(['dist/client'])
        pending.push(
          run(
            process.execPath,
            [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dest, '--emptyOutDir'],
            { cwd: root, env: outsideEnv() },
          ),
        )
      } else if (keyword === 'RUN' && /(^|&&)\s*npm ci\b/.test(args)) {
        // the install itself, never what follows it (`npm cache clean` would empty this machine's cache)
        const install = args
          .split('&&')
          .map((s) => s.trim())
          .find((s) => s.startsWith('npm ci')) as string
        const [, ...flags] = install.split(/\s+/)
        // `--prefix`: this folder and no other, whatever the environment says
        pending.push(run('npm', [...flags, '--prefer-offline', `--prefix=${app}`], { cwd: app, env: outsideEnv() }))
      }
    }
    await Promise.all(pending)
    const env: Record<string, string> = {}
    for (const { keyword, args } of runtime.instructions) if (keyword === 'ENV') Object.assign(env, envPairs(args))
    const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1)
    if (!cmd) throw new Error('the runtime stage has no CMD')
    const { PATH, HOME } = process.env
    server = await startCommand(execForm(cmd.args), app, {
      ...(PATH ? { PATH } : {}),
      ...(HOME ? { HOME } : {}),
      ...env,
      // the image listens on 0.0.0.0:8787 and keeps its data in the /data volume
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    })
  }, 150_000)

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL')
      await server.exited
    }
    tmp.cleanup()
  })

  it('runs the server from its sources exactly as `npm start` does', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1) as Instruction
    expect(execForm(cmd.args).join(' ')).toBe(pkg.scripts.start)
  })

  it('has production dependencies only: no Vite, no test tools, no tests', () => {
    for (const dev of ['vite', 'vitest', 'typescript', 'playwright-core', 'solid-js']) {
      expect(existsSync(path.join(app, 'node_modules', dev)), dev).toBe(false)
    }
    expect(existsSync(path.join(app, 'node_modules/tsx')), 'tsx runs the sources').toBe(true)
    expect(existsSync(path.join(app, 'server/main.ts'))).toBe(true)
    expect(existsSync(path.join(app, 'server/config.test.ts'))).toBe(false)
    expect(existsSync(path.join(app, 'dist/client/index.html'))).toBe(true)
  })

  it('serves the prebuilt client and creates the demo board in its data folder', async () => {
    const { url } = server as Started
    const home = await fetch(url)
    expect(home.status).toBe(200)
    const html = await home.text()
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]
    expect(script, 'index.html loads a script').toBeTruthy()
    const asset = await fetch(new URL(script as string, url))
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect((await asset.text()).length).toBeGreaterThan(10_000)
    // the demo is seeded after the server listens
    const demo = /Demo board: {2}http:\/\/127\.0\.0\.1:\d+\/boards\//
    await waitFor(() => demo.test((server as Started).output()), 20_000, 'the demo board')
    expect(readdirSync(dataDir).length).toBeGreaterThan(0)
  })

  it('serves a board over REST and y-websocket, and renders its exports', async () => {
    const { url } = server as Started
    const owner = await signup(url, 'Operator')
    const boardId = await createBoard(url, owner.token, { title: 'Image check' })
    const writer = connectClient(url, boardId, owner.token)
    const reader = connectClient(url, boardId, owner.token)
    try {
      await Promise.all([writer.synced, reader.synced])
      putElement(writer.doc, note('from-the-image', 'Weaving hall'))
      await waitFor(() => labelOf(reader.doc, 'from-the-image') === 'Weaving hall', 10_000, 'the other client to see the note')
      const json = await exportJson(url, owner.token, boardId)
      expect(json.elements.some((e) => e.id === 'from-the-image')).toBe(true)
    } finally {
      writer.destroy()
      reader.destroy()
    }
    // the render worker, the canvas, the fonts: production dependencies
    const png = await fetch(`${url}/api/boards/${boardId}/export/png`, { headers: { authorization: `Bearer ${owner.token}` } })
    expect(png.status, serverLog()).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    const bytes = Buffer.from(await png.arrayBuffer())
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    const xlsx = await api(url, 'GET', `/api/boards/${boardId}/export/xlsx`, { token: owner.token })
    expect(xlsx.status, serverLog()).toBe(200)
  })

  /** Runs the Dockerfile's HEALTHCHECK command as Docker would inside the container; its exit code. */
  async function healthcheck(): Promise<number> {
    const line = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')
    const command = line ? /\bCMD\s+(\[.*\])$/.exec(line.args)?.[1] : undefined
    if (!command) throw new Error('the runtime stage has no HEALTHCHECK … CMD [...]')
    const [program, ...args] = execForm(command)
    expect(program).toBe('node')
    const port = new URL((server as Started).url).port
    try {
      await run(process.execPath, args, { cwd: app, env: { PORT: port }, timeout: 10_000 })
      return 0
    } catch (error) {
      return (error as { code?: number }).code ?? 1
    }
  }

  it('passes its HEALTHCHECK while it serves', async () => {
    expect(await healthcheck()).toBe(0)
  })

  it('stops gracefully on SIGTERM (what `docker stop` sends), and then fails its HEALTHCHECK', async () => {
    const started = server as Started
    started.child.kill('SIGTERM')
    expect(await started.exited).toBe(0)
    expect(await healthcheck()).not.toBe(0)
  })

  it('refuses to start without a built client, saying how to build one (no Vite to build it)', async () => {
    renameSync(path.join(app, 'dist/client'), path.join(app, 'dist/client-away'))
    const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').at(-1) as Instruction
    const [, ...args] = execForm(cmd.args)
    const { PATH, HOME } = process.env
    const result = await run(process.execPath, args, {
      cwd: app,
      env: { ...(PATH ? { PATH } : {}), ...(HOME ? { HOME } : {}), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      timeout: 30_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code ?? 1, stderr: error.stderr ?? '' }),
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('npm run build')
  })
})

describe('compose.yaml and deploy/Caddyfile', () => {
  const compose = readFileSync(path.join(root, 'compose.yaml'), 'utf8')
  const caddyfile = readFileSync(path.join(root, 'deploy/Caddyfile'), 'utf8')

  it('proxies to services that compose builds from this Dockerfile, with Redis for storage and fan-out', () => {
    const upstreams = /reverse_proxy\s+([^{\n]+)\{/.exec(caddyfile)?.[1]?.trim().split(/\s+/) ?? []
    expect(upstreams.length).toBeGreaterThanOrEqual(2)
    const services = compose.slice(compose.indexOf('\nservices:'))
    for (const upstream of upstreams) {
      const [name, port] = upstream.split(':')
      expect(services, `service ${name}`).toMatch(new RegExp(`\\n  ${name}:\\n    <<: \\*app\\n`))
      const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8')
      expect(dockerfile).toMatch(new RegExp(`^ENV PORT=${port}$`, 'm'))
    }
    expect(compose).toMatch(/^ {2}build: \.$/m)
    expect(compose).toMatch(/^ {2}REDIS_URL: redis:\/\/redis:6379\/0$/m)
    expect(compose).toMatch(/^ {2}STORAGE_URL: redis:\/\/redis:6379\/0$/m)
    expect(compose).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro')
    expect(caddyfile).toMatch(/health_uri \/livez/)
  })
})
