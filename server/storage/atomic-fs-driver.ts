import { randomBytes } from 'node:crypto'
import { existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import { defineDriver } from 'unstorage'

export interface AtomicFsOptions {
  base: string
}

/** Temp files of writes in progress: hidden, and never listed as keys. */
const TEMP_FILE = /^\..*\.rbtmp$/

const ignoreMissing = (error: NodeJS.ErrnoException) => {
  if (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR') return null
  throw error
}

/**
 * unstorage's fs driver, with writes that never leave a half-written file: the value goes to a
 * hidden temp file in the same folder, which then replaces the key's file with one `rename`
 * (atomic on POSIX). A reader — or the next process after a crash — sees the old value or the
 * new one, never a mix. JSON records (`setItem`) are `fsync`ed before the rename, so a power
 * loss cannot leave an empty record either; raw pieces are not (they are framed and checked on
 * load, and written at update rate). Keys map to paths as in unstorage (`a:b:c` → `a/b/c`);
 * `getKeys(base)` reads only the base's folder.
 */
export const atomicFsDriver = defineDriver((options: AtomicFsOptions) => {
  const base = path.resolve(options.base)
  const fileOf = (key: string) => {
    if (key.split(':').some((segment) => segment === '..' || segment === '.'))
      throw new Error(`invalid key ${JSON.stringify(key)}`)
    return path.join(base, key.replace(/:+$/, '').replace(/:/g, '/'))
  }

  const write = async (key: string, data: string | Uint8Array, durable: boolean) => {
    const file = fileOf(key)
    const dir = path.dirname(file)
    await fsp.mkdir(dir, { recursive: true })
    const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.rbtmp`)
    try {
      const handle = await fsp.open(temp, 'w')
      try {
        await handle.writeFile(data)
        if (durable) await handle.sync()
      } finally {
        await handle.close()
      }
      await fsp.rename(temp, file)
    } catch (error) {
      await fsp.rm(temp, { force: true })
      throw error
    }
  }

  const listFiles = async (dir: string, prefix: string, keys: string[]): Promise<void> => {
    const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(ignoreMissing)
    if (!entries) return
    await Promise.all(
      entries.map(async (entry) => {
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name
        if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), relative, keys)
        if (!TEMP_FILE.test(entry.name)) keys.push(relative)
      }),
    )
  }

  return {
    name: 'atomic-fs',
    options,
    hasItem: (key) => existsSync(fileOf(key)),
    getItem: (key) => fsp.readFile(fileOf(key), 'utf8').catch(ignoreMissing),
    getItemRaw: (key) => fsp.readFile(fileOf(key)).catch(ignoreMissing),
    async getMeta(key) {
      const stat = await fsp.stat(fileOf(key)).catch(ignoreMissing)
      return stat ? { mtime: stat.mtime, atime: stat.atime, size: stat.size } : {}
    },
    setItem: (key, value: string) => write(key, value, true),
    setItemRaw: (key, value: Uint8Array) => write(key, value, false),
    async removeItem(key) {
      await fsp.unlink(fileOf(key)).catch(ignoreMissing)
    },
    async getKeys(baseKey) {
      // unstorage filters by base afterwards; reading only its folder spares a walk of the whole store
      const folder = baseKey ? fileOf(baseKey) : base
      const keys: string[] = []
      await listFiles(folder, path.relative(base, folder).split(path.sep).join('/'), keys)
      return keys
    },
    async clear() {
      const entries = await fsp.readdir(base).catch(ignoreMissing)
      await Promise.all((entries ?? []).map((name) => fsp.rm(path.join(base, name), { recursive: true, force: true })))
    },
  }
})
