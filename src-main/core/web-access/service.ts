import type { WebAccessRotateInput, WebAccessView } from '../../../src-preload/types/web-access'
import type { SeatContext } from '../audit/seat'
import { ApiFailure } from '../errors/api-failure'
import type { ProfileService } from '../profiles/profile-service'
import type { WebAccessPort } from './port'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** Admin's view of web mode's access link, and its rotation (admin passphrase, audited). */
export class WebAccessService {
  constructor(
    private readonly port: WebAccessPort | undefined,
    private readonly profiles: Pick<ProfileService, 'asAdmin'>,
  ) {}

  link(): WebAccessView {
    if (this.port === undefined) return { available: false, reason: t('desktop') }
    return { available: true, ...this.port.current() }
  }

  async rotate(input: WebAccessRotateInput, ctx: SeatContext): Promise<WebAccessView> {
    const port = this.port
    return this.profiles.asAdmin('web.rotateToken', { task: 'task.replaceWebLink' }, input.adminPassphrase, ctx, () => {
      if (port === undefined) return Promise.reject(new ApiFailure('not_found', t('desktop')))
      const next = port.rotate()
      return Promise.resolve({
        value: { available: true as const, ...next },
        detail: 'web link replaced: the old one no longer opens the console and its open pages were disconnected',
      })
    })
  }
}
