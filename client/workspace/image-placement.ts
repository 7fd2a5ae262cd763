import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { t } from '../i18n/locale.ts'
import { checkImageFile, imageElementFor, UploadError, uploadImage } from './image-upload.ts'
import type { Toasts } from './toasts.tsx'

/**
 * Upload an image file and place it: checked here first (type by content, ≤ 10 MiB), uploaded
 * with a progress notice, then one `element.add` centred on `at` (the view's centre by default).
 */
export function createImagePlacement(toasts: Toasts) {
  const { board, writes, selection } = useBoard()
  return async (file: File, at?: { x: number; y: number }): Promise<void> => {
    const check = await checkImageFile(file)
    if (!check.ok) {
      toasts.show(t(check.error === 'too_large' ? 'image.tooLarge' : 'image.wrongType'), 'error', 7000)
      return
    }
    const name = file.name || t('image.defaultLabel')
    const notice = toasts.show(t('image.uploading', { name, percent: 0 }), 'info', 0)
    toasts.update(notice, { progress: 0 })
    try {
      const image = await uploadImage(board.id, file, check.type, (percent) =>
        toasts.update(notice, { message: t('image.uploading', { name, percent }), progress: percent }),
      )
      const canvas = activeCanvas()
      const centre = at ?? canvas?.centre() ?? { x: 0, y: 0 }
      const label = file.name.replace(/\.[A-Za-z0-9]+$/, '').slice(0, 500)
      const element = imageElementFor(image, centre, label)
      const result = writes.apply({ type: 'element.add', elements: [element] })
      if (!result.ok) throw new UploadError(0, result.error.message)
      selection.set([element.id])
      toasts.update(notice, { message: t('image.uploaded'), progress: undefined }, 3000)
    } catch (error) {
      const reason = error instanceof UploadError && error.status !== 0 ? error.message : t('error.network')
      toasts.update(notice, { message: t('image.failed', { reason }), tone: 'error', progress: undefined }, 8000)
    }
  }
}
