import QRCode from 'qrcode'
import { createResource, Show } from 'solid-js'

/**
 * A QR code of an invite link, drawn as SVG (crisp on a projector). The markup comes from the
 * qrcode library and encodes only our own URL, so setting it as innerHTML is safe.
 */
export function InviteQr(props: { url: string; size: number; label: string }) {
  const [svg] = createResource(
    () => props.url,
    (url) =>
      QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#1f2328', light: '#ffffff' } }),
  )
  return (
    <Show when={svg()}>
      {(markup) => (
        <div
          class="invite-qr"
          role="img"
          aria-label={props.label}
          style={{ width: `${props.size}px`, height: `${props.size}px` }}
          innerHTML={markup()}
        />
      )}
    </Show>
  )
}
