/** A file-name-safe slug of a title: "Spinnerei Pottendorf" → "spinnerei-pottendorf". */
export function slugify(title: string, fallback = 'board'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return slug || fallback
}
