import type { Sector, UseCategory } from '../schema/enums.ts'

/**
 * Glyphs on a 16×16 grid as SVG path data, drawn stroked (1.5 units, round caps and joins,
 * no fill) like a line icon set. A zero-length segment (`h.01`) draws a dot. They scale with
 * the `path` node's scaleX/scaleY.
 */
export const ICON_GRID = 16

export const sectorIcons: Readonly<Record<Sector, string>> = {
  // palette with three paint dots
  creative:
    'M8 2C4.7 2 2 4.5 2 7.6 2 10.6 4.4 13.5 7.4 13.5c.9 0 1.3-.6 1.3-1.2 0-.8-.6-1-.6-1.7 0-.7.6-1.1 1.3-1.1h1.6c1.8 0 3-1.3 3-3C14 3.9 11.3 2 8 2z M5 7.6h.01 M6.8 5h.01 M9.9 5.1h.01',
  // theatre mask
  culture: 'M3 2.5h10v5a5 5 0 0 1-10 0z M5.5 6h1.5 M9 6h1.5 M5.7 9a2.6 2.6 0 0 0 4.6 0',
  // shop with an awning
  commerce:
    'M2.5 6.5 3.5 2.5h9l1 4z M2.5 6.5a1.8 1.8 0 0 0 3.7 0a1.8 1.8 0 0 0 3.6 0a1.8 1.8 0 0 0 3.7 0 M3.5 8.5v5h9v-5 M7 13.5v-3h2v3',
  // factory with sawtooth roof and chimney
  industry: 'M1.5 13.5V6.5L5 9V6.5L8.5 9V6.5L12 9V2.5h2.5v11z M1 13.5h14 M4 11.5h1 M7.5 11.5h1',
  // briefcase
  services: 'M2 5.5h12v8H2z M5.5 5.5V4a1.2 1.2 0 0 1 1.2-1.2h2.6A1.2 1.2 0 0 1 10.5 4v1.5 M2 9h12 M8 8.3v1.4',
  // cup with steam
  gastronomy:
    'M2.5 6.5h8.5v3a3.5 3.5 0 0 1-3.5 3.5H6a3.5 3.5 0 0 1-3.5-3.5z M11 7.5h.8a1.6 1.6 0 0 1 0 3.2H11 M2 14.5h10 M5.5 2v2.5 M8 2v2.5',
  // camera
  tourism: 'M1.5 5h3l1.2-2h4.6l1.2 2h3v8.5h-13z M5.5 9a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0',
  // town hall with columns
  public: 'M1.5 6 8 2l6.5 4z M3.5 7.5v5 M6.5 7.5v5 M9.5 7.5v5 M12.5 7.5v5 M2 13h12 M1.5 14.5h13',
  // listed building with an arched door
  heritage: 'M2.5 14V6.5L8 2.5l5.5 4V14 M6 14v-3a2 2 0 0 1 4 0v3 M1.5 14h13 M8 6.5h.01',
  // graduation cap
  education: 'M1 6.5 8 3.5l7 3-7 3z M4 8v3c0 1 1.8 2 4 2s4-1 4-2V8 M15 6.5v4',
  // two people
  civil: 'M5.5 7a2 2 0 1 0 0-4a2 2 0 1 0 0 4z M1.5 13.5a4 4 0 0 1 8 0 M10.5 7a1.7 1.7 0 1 0 0-3.4 M11 9.6a3.6 3.6 0 0 1 3.5 3.9',
  // house
  residents: 'M2 7.5 8 2.5l6 5 M3.5 6.3V14h9V6.3 M6.5 14v-3.5h3V14',
  // key
  owner: 'M5 10a3 3 0 1 0 0-6a3 3 0 1 0 0 6z M7.2 8.3 14 14.5 M11.2 12l1.6-1.6 M12.8 13.5l1.4-1.4',
  // euro sign
  investor: 'M12 4.2A4.5 4.5 0 1 0 12 11.8 M2.5 6.8h7 M2.5 9.2h7',
}

export const categoryIcons: Readonly<Record<UseCategory, string>> = {
  // easel
  studio: 'M8 1.5v2 M2.5 3.5h11v7h-11z M5 10.5l-1.5 4 M11 10.5l1.5 4 M8 10.5v4',
  // hammer
  makerspace: 'M9 2.5l4.5 4.5-1.6 1.6L7.4 4.1z M8.6 5.4 2.5 11.5l2 2 6.1-6.1',
  // laptop
  coworking: 'M3 3.5h10v7H3z M1 12.5h14',
  // music note
  events: 'M6 12a2 2 0 1 1-4 0a2 2 0 1 1 4 0z M6 12V3.5l8-1.5v8.5 M14 10.5a2 2 0 1 1-4 0a2 2 0 1 1 4 0z',
  // framed picture
  exhibition: 'M2 3h12v10H2z M2 10.5l3.5-3.5 3 3 2-2 3.5 3.5 M10.5 5.5h.01',
  // fork and knife
  gastronomy: 'M3 1.5v4a1.7 1.7 0 0 0 3.4 0v-4 M4.7 1.5v13 M12 14.5V1.5c-1.7 0-2.8 2.3-2.8 5.5H12',
  // shopping bag
  retail: 'M2.5 5.5h11l-.8 9H3.3z M5.5 5.5V4.5a2.5 2.5 0 0 1 5 0v1',
  // bed
  living: 'M1.5 3.5v11 M1.5 11h13 M14.5 14.5V9a2 2 0 0 0-2-2H7v4 M2.8 8.2a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0-2.8 0',
  // open book
  education: 'M8 4.5C6.5 3.3 4.5 3 1.5 3v9.5c3 0 5 .3 6.5 1.5 1.5-1.2 3.5-1.5 6.5-1.5V3c-3 0-5 .3-6.5 1.5z M8 4.5V14',
  // cog
  production:
    'M8 10.3a2.3 2.3 0 1 0 0-4.6a2.3 2.3 0 1 0 0 4.6z M8 1.5v2.2 M8 12.3v2.2 M1.5 8h2.2 M12.3 8h2.2 M3.4 3.4 5 5 M11 11l1.6 1.6 M3.4 12.6 5 11 M11 5l1.6-1.6',
  // briefcase
  services: 'M2 5.5h12v8H2z M5.5 5.5V4a1.2 1.2 0 0 1 1.2-1.2h2.6A1.2 1.2 0 0 1 10.5 4v1.5 M2 9h12',
  // "i" in a circle
  visitor_centre: 'M8 14.5a6.5 6.5 0 1 0 0-13a6.5 6.5 0 1 0 0 13z M8 7.5v4 M8 4.8h.01',
  // three people
  community:
    'M8 6.5a1.8 1.8 0 1 0 0-3.6a1.8 1.8 0 1 0 0 3.6z M4.5 13a3.5 3.5 0 0 1 7 0 M3.2 7.6a1.4 1.4 0 1 0 0-.01 M12.8 7.6a1.4 1.4 0 1 0 0-.01 M1 12.5a2.6 2.6 0 0 1 2.4-2.6 M15 12.5a2.6 2.6 0 0 0-2.4-2.6',
  // box
  storage: 'M2 5 8 2l6 3v6.5l-6 3-6-3z M2 5l6 3 6-3 M8 8v6.5',
  // tree
  green: 'M8 14.5V8.5 M8 10.5 5.8 8.3 M8 9.5l2-2 M8 1.5c2.8 1.8 4.5 4.3 4.5 6.5a4.5 4.5 0 0 1-9 0c0-2.2 1.7-4.7 4.5-6.5z',
  // ball
  leisure:
    'M8 14.5a6.5 6.5 0 1 0 0-13a6.5 6.5 0 1 0 0 13z M1.5 8h13 M8 1.5c1.8 1.8 2.6 4 2.6 6.5S9.8 12.7 8 14.5 M8 1.5C6.2 3.3 5.4 5.5 5.4 8s.8 4.7 2.6 6.5',
  // three dots
  other: 'M3.5 8h.01 M8 8h.01 M12.5 8h.01',
}

export const glyphs = {
  lock: 'M3.5 7.5h9v7h-9z M5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5 M8 10.5v1.5',
  warning: 'M8 1.8 15 14H1z M8 6.3v3.7 M8 12h.01',
  pin: 'M8 14.5s4.5-4.2 4.5-7.7a4.5 4.5 0 0 0-9 0c0 3.5 4.5 7.7 4.5 7.7z M8 8.3a1.5 1.5 0 1 0 0-3a1.5 1.5 0 1 0 0 3z',
  picture: 'M2 3h12v10H2z M2 10.5l3.5-3.5 3 3 2-2 3.5 3.5 M10.5 5.5h.01',
  area: 'M2 2h12v12H2z M2 6h4V2 M14 10h-4v4',
  calendar: 'M2 3.5h12v10.5H2z M2 6.5h12 M5 2v3 M11 2v3',
}
