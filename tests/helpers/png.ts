import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.byteLength, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A valid, all-black PNG of any size, 1 bit per pixel: tiny in bytes however many pixels it
 * has (a 16,000 × 16,000 one is about 30 KB, and 1 GB once decoded to RGBA). Built by hand
 * (IHDR, one deflated IDAT, IEND) so that making a huge one costs no huge canvas.
 */
export function blackPng(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // greyscale
  // each row: filter byte 0, then width bits of zero
  const raw = Buffer.alloc((1 + Math.ceil(width / 8)) * height)
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ])
  return new Uint8Array(png)
}
