/**
 * The timer as people read it: whole seconds, rounded up (a timer showing 0:00 has ended),
 * `m:ss` under an hour and `h:mm:ss` above, digits in the UI locale.
 */
export function formatClock(ms: number, locale: string): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const plain = new Intl.NumberFormat(locale, { useGrouping: false })
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false })
  return hours > 0
    ? `${plain.format(hours)}:${two.format(minutes)}:${two.format(seconds)}`
    : `${two.format(minutes)}:${two.format(seconds)}`
}

let audio: AudioContext | null = null

/** Readies sound after a gesture (browsers start audio only from one): call when sound is turned on. */
export function unlockChime(): void {
  try {
    audio ??= new AudioContext()
    if (audio.state === 'suspended') void audio.resume()
  } catch {
    audio = null
  }
}

/** A short, soft two-note chime (WebAudio, no file): the timer reached zero. */
export function playChime(): void {
  try {
    audio ??= new AudioContext()
    const ctx = audio
    const start = ctx.currentTime + 0.02
    for (const [i, frequency] of [880, 1318.5].entries()) {
      const at = start + i * 0.18
      const tone = ctx.createOscillator()
      const gain = ctx.createGain()
      tone.type = 'sine'
      tone.frequency.value = frequency
      gain.gain.setValueAtTime(0, at)
      gain.gain.linearRampToValueAtTime(0.15, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9)
      tone.connect(gain).connect(ctx.destination)
      tone.start(at)
      tone.stop(at + 1)
    }
  } catch {
    // no audio on this machine: the visual signal is enough
  }
}
