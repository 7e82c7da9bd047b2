import { defineStrings } from '../catalogue'
import type { Translate } from '../translator'

/**
 * Why a seat may not supervise a call, outside its profile's scope (outOfScopeReason in
 * types/supervision.ts): main refuses in these words and the windows grey their buttons with them,
 * so both sides read one fragment (main lists it in its fragments, the renderer finds it by glob).
 */
export const strings = defineStrings('supervisionScope', {
  en: {
    noScope: 'Your profile names no queues or extensions you supervise: an admin names them in the profile',
    outOfScope: 'This call is not one you supervise (yours: {{list}})',
    outOfScopeMore: 'This call is not one you supervise (yours: {{list}} …)',
    queue: 'queue {{queue}}',
  },
  de: {
    noScope: 'Ihr Profil nennt keine Warteschlangen oder Nebenstellen, die Sie betreuen: Ein Administrator trägt sie im Profil ein',
    outOfScope: 'Diesen Anruf betreuen Sie nicht (Ihre: {{list}})',
    outOfScopeMore: 'Diesen Anruf betreuen Sie nicht (Ihre: {{list}} …)',
    queue: 'Warteschlange {{queue}}',
  },
  fr: {
    noScope: 'Votre profil ne nomme aucune file d’attente ni aucun poste que vous supervisez : un administrateur les indique dans le profil',
    outOfScope: 'Cet appel ne fait pas partie de ceux que vous supervisez (les vôtres : {{list}})',
    outOfScopeMore: 'Cet appel ne fait pas partie de ceux que vous supervisez (les vôtres : {{list}} …)',
    queue: 'file {{queue}}',
  },
})

/** The translate function of these words: main passes its `say(strings)`, a window its `tr(strings)`. */
export type ScopeWords = Translate<(typeof strings)['texts']['en']>
