import { t } from '../i18n/locale.ts'
import { IMAGE_TYPES } from './image-upload.ts'

/**
 * The hidden file picker behind "Image" (the toolbar's and the outline's): out of the tab order,
 * named for screen readers, PNG, JPEG or WebP; a chosen file goes to `onFile`, and the input is
 * emptied so the same file can be chosen again.
 */
export function ImageFileInput(props: { ref: (input: HTMLInputElement) => void; testId: string; onFile: (file: File) => void }) {
  return (
    <input
      ref={props.ref}
      type="file"
      class="visually-hidden"
      tabindex="-1"
      aria-label={t('image.choose')}
      accept={IMAGE_TYPES.join(',')}
      data-testid={props.testId}
      onChange={(event) => {
        const file = event.currentTarget.files?.[0]
        event.currentTarget.value = ''
        if (file) props.onFile(file)
      }}
    />
  )
}
