import { slugify } from '../boards/slug.ts'

/**
 * A download's `Content-Disposition`: `attachment; filename="<ascii slug><ext>"`, plus
 * `filename*=UTF-8''<percent-encoded name>` (RFC 6266 / 8187) when the title has letters
 * outside ASCII, so browsers that read it save "spinnerei-weißenau.md" and the rest
 * "spinnerei-weissenau.md".
 */
export function attachment(name: string, extension: string): string {
  const ascii = `${slugify(foldLetters(name))}${extension}`
  const unicode = `${unicodeSlug(name)}${extension}`
  if (unicode === ascii || unicodeSlug(name) === '') return `attachment; filename="${ascii}"`
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(unicode)}`
}

/** Like `slugify`, but keeps letters and digits of every script: "Přádelna Dvůr" → "přádelna-dvůr". */
export function unicodeSlug(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return [...slug].slice(0, 60).join('').replace(/-+$/g, '')
}

/** RFC 8187 value-chars: attr-char kept, everything else as UTF-8 percent escapes. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Letters NFKD does not split into a base letter and a mark: spelled out before slugging. */
const FOLDED: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
}

function foldLetters(name: string): string {
  return name.replace(/[ßẞłŁđĐøØæÆœŒıþÞðÐ]/g, (letter) => FOLDED[letter] ?? letter)
}
