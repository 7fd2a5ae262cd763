import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { framePiece, unframePiece } from './piece.ts'

const anUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('elements').set('a1', 'Brewery cooperative')
  return Y.encodeStateAsUpdate(doc)
}

describe('stored pieces', () => {
  it('frame an update with length and checksum, and give it back unchanged', () => {
    const update = anUpdate()
    const framed = framePiece(update)
    expect(framed.byteLength).toBe(update.byteLength + 12)
    expect(new TextDecoder().decode(framed.subarray(0, 4))).toBe('RBP1')
    const piece = unframePiece(framed)
    expect(piece.ok && [...piece.update]).toEqual([...update])
  })

  it('refuse a torn piece (cut short) and a piece with a changed byte', () => {
    const framed = framePiece(anUpdate())
    expect(unframePiece(framed.subarray(0, framed.byteLength - 3))).toMatchObject({ ok: false })
    const flipped = framed.slice()
    flipped[flipped.byteLength - 5] = (flipped[flipped.byteLength - 5] as number) ^ 0x40
    expect(unframePiece(flipped)).toMatchObject({ ok: false, reason: 'length or checksum mismatch' })
  })

  it('still read pieces stored before the header existed, validated by decoding', () => {
    const update = anUpdate()
    const piece = unframePiece(update)
    expect(piece.ok && piece.update).toBe(update)
    expect(unframePiece(new Uint8Array([0xff, 0xfe, 0x01, 0x02, 0x03]))).toMatchObject({ ok: false })
  })
})
