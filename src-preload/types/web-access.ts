import { z } from 'zod'
import { passphraseSchema } from './profile'

/** What Admin shows of web mode's access link. The desktop app has none. */
export type WebAccessView =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true
      /** The link that opens the console now, its token included (every seat already holds it). */
      readonly url: string
      /** When the current token was made (ISO-8601 UTC): at the first start, or at the last rotation. */
      readonly createdAt: string
    }

/** Rotating the token locks every other browser out until it gets the new link: the admin's to do. */
export const webAccessRotateInputSchema = z.strictObject({
  adminPassphrase: passphraseSchema.optional(),
})
export type WebAccessRotateInput = z.infer<typeof webAccessRotateInputSchema>
