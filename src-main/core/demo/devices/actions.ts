/** AMI ExtensionState, ExtensionStateList and DeviceStateList (hints.raw, snapshots*.raw). */
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart } from '../ami-context'
import { hintStatus } from './hints'

function extensionState(ctx: ActionContext): void {
  const { pbx } = ctx
  const exten = ctx.get('Exten') ?? ''
  const context = ctx.get('Context') ?? pbx.config.internalContext
  const phone = pbx.hints.of(exten)
  if (!phone) {
    ctx.reply('Success', [
      ['Message', 'Extension Status'],
      ['Exten', exten],
      ['Context', context],
      ['Hint', ''],
      ['Status', '-1'],
      ['StatusText', 'Unknown'],
    ])
    return
  }
  phone.hintInstantiated = true
  const [code, text] = hintStatus(pbx.hints.stateOf(phone))
  ctx.reply('Success', [
    ['Message', 'Extension Status'],
    ['Exten', exten],
    ['Context', context],
    ['Hint', pbx.hints.hintOf(phone)],
    ['Status', String(code)],
    ['StatusText', text],
  ])
}

function extensionStateList(ctx: ActionContext): void {
  const { pbx } = ctx
  listStart(ctx, 'Extension Statuses will follow')
  let n = 0
  for (const phone of pbx.config.phones.values()) {
    // Office phones have explicit hints; the lab's pattern hint is instantiated lazily.
    if (pbx.config.isLab && !phone.hintInstantiated) continue
    const [code, text] = hintStatus(pbx.hints.stateOf(phone))
    listItem(
      ctx,
      'ExtensionStatus',
      [
        ['Exten', phone.exten],
        ['Context', phone.context],
        ['Hint', pbx.hints.hintOf(phone)],
        ['Status', String(code)],
        ['StatusText', text],
      ],
      true,
    )
    n++
  }
  listComplete(ctx, 'ExtensionStateListComplete', n)
}

function deviceStateList(ctx: ActionContext): void {
  listStart(ctx, 'Device State Changes will follow')
  let n = 0
  for (const [device, state] of ctx.pbx.devices.states) {
    // Local channels publish their device states uncached: DeviceStateList never shows them
    // (snapshots.raw lists none while four Local devices are in use).
    if (device.startsWith('Local/')) continue
    listItem(
      ctx,
      'DeviceStateChange',
      [
        ['Device', device],
        ['State', state],
      ],
      true,
    )
    n++
  }
  listComplete(ctx, 'DeviceStateListComplete', n)
}

export const DEVICE_ACTIONS: ActionHandlers = {
  extensionstate: extensionState,
  extensionstatelist: extensionStateList,
  devicestatelist: deviceStateList,
}
