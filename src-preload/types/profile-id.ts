import { z } from 'zod'
import { refusal } from './input-words'

/**
 * A PBX profile's id, as every channel that names a profile accepts it (profiles, actions,
 * history, audit): one schema, so a profile that can be saved can always be acted on and read.
 */
export const profileIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, refusal('profileId'))
