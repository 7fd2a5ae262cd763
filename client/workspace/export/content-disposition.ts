/**
 * The file name of a download from its `Content-Disposition` header (RFC 6266): the
 * `filename*` parameter (RFC 8187, `UTF-8''spinnerei-wei%C3%9Fenau.md`) when present and
 * decodable, since it keeps the letters; else `filename` (quoted or a token). Directory parts
 * are dropped, so a name can never point elsewhere. Null when there is no usable name.
 */
export function filenameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null
  const params = parseParameters(header)
  const extended = params.get('filename*')
  if (extended !== undefined) {
    const decoded = decodeExtValue(extended)
    if (decoded) return safeName(decoded)
  }
  const plain = params.get('filename')
  return plain ? safeName(plain) : null
}

/** `attachment; a=b; c="d; e"` → {a: 'b', c: 'd; e'}; names lower case, the first wins. */
function parseParameters(header: string): Map<string, string> {
  const params = new Map<string, string>()
  // disposition type first, then `; name=value` with value a token or a quoted string
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g
  for (const match of header.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase()
    let value = (match[2] ?? '').trim()
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1')
    if (!params.has(name)) params.set(name, value)
  }
  return params
}

/** RFC 8187 `charset'language'percent-encoded`; UTF-8 (and ISO-8859-1) only. */
function decodeExtValue(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value)
  if (!match) return null
  const charset = (match[1] ?? '').toLowerCase()
  const encoded = match[2] ?? ''
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded)
    if (charset === 'iso-8859-1')
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  } catch {
    return null
  }
  return null
}

function safeName(name: string): string | null {
  const base = name.split(/[/\\]/).pop()?.trim() ?? ''
  // control characters never belong in a file name
  const cleaned = [...base].filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f).join('')
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned
}
