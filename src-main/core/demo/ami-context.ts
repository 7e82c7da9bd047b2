/**
 * What an AMI action handler gets (the session, the action, the PBX) and the helpers every
 * concern's handlers share: list responses, Asterisk's words for a missing or unknown channel,
 * events sent to this session only. Messages, key names and key order are those of the real
 * Asterisk 22.10.1 captures (test/fixtures/asterisk/ami).
 */
import type { AmiMessage } from '../ami/message'
import type { DemoAmiServer } from './ami-server'
import type { AmiSession } from './ami-session'
import type { AmiField, AmiFields } from './ami-wire'
import { type Channel, isoMillis } from './model'
import type { Pbx } from './pbx/pbx'

export interface ActionContext {
  readonly server: DemoAmiServer
  readonly pbx: Pbx
  readonly session: AmiSession
  readonly action: AmiMessage
  readonly actionId: string | undefined
  /** Writes a response (ActionID added when the action had one, right after Response:). */
  reply(response: 'Success' | 'Error' | 'Goodbye', rest: AmiFields): void
  error(message: string): void
  get(key: string): string | undefined
}

export type ActionHandler = (ctx: ActionContext) => Promise<void> | void

/** A concern's AMI actions: lower-case action name → handler. */
export type ActionHandlers = Readonly<Record<string, ActionHandler>>

export function idField(ctx: ActionContext): AmiField[] {
  return ctx.actionId !== undefined ? [['ActionID', ctx.actionId]] : []
}

export function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|yes|true|y|t|on)$/i.test(v.trim())
}

export function securityBase(ctx: ActionContext, severity: string): AmiField[] {
  return [
    ['EventTV', isoMillis(ctx.pbx.now())],
    ['Severity', severity],
    ['Service', 'AMI'],
    ['EventVersion', '1'],
  ]
}

/** An event for this session only (FullyBooted, security events), if its user may read it. */
export function sendOwnEvent(ctx: ActionContext, name: string, privilege: string, fields: AmiFields, withSystemName = true): void {
  const cls = privilege.split(',')[0] ?? ''
  const user = ctx.session.user
  if (!user || !ctx.session.eventsOn || !user.read.has(cls)) return
  if (ctx.session.eventMask && !ctx.session.eventMask.has(cls)) return
  ctx.session.send([
    ['Event', name],
    ['Privilege', privilege],
    ...(withSystemName ? ([['SystemName', ctx.pbx.config.systemName]] as AmiField[]) : []),
    ...fields,
  ])
}

export function listStart(ctx: ActionContext, message: string): void {
  ctx.reply('Success', [
    ['EventList', 'start'],
    ['Message', message],
  ])
}

export function listItem(ctx: ActionContext, name: string, fields: AmiFields, actionIdFirst: boolean): void {
  const id = idField(ctx)
  ctx.session.send(actionIdFirst ? [['Event', name], ...id, ...fields] : [['Event', name], ...fields, ...id])
}

export function listComplete(ctx: ActionContext, name: string, count: number, extra: AmiFields = []): void {
  ctx.session.send([['Event', name], ...idField(ctx), ['EventList', 'Complete'], ['ListItems', String(count)], ...extra])
}

/** The channel a header names, if it exists (no error written). */
export function findChannel(ctx: ActionContext, key = 'Channel'): Channel | undefined {
  const name = ctx.get(key)
  return name ? ctx.pbx.channels.find(name) : undefined
}

/** Asterisk's words, which differ from action to action, for a missing and an unknown channel. */
export interface ChannelWords {
  readonly missing: string
  readonly unknown: string | ((name: string) => string)
  /** Checked between the two, where Asterisk checks another header first (Atxfer's Exten). */
  readonly before?: () => string | undefined
}

/** The channel the action's `Channel` header names, or undefined after answering with the error. */
export function requireChannel(ctx: ActionContext, words: ChannelWords): Channel | undefined {
  const name = ctx.get('Channel')
  if (!name) {
    ctx.error(words.missing)
    return undefined
  }
  const earlier = words.before?.()
  if (earlier !== undefined) {
    ctx.error(earlier)
    return undefined
  }
  const ch = ctx.pbx.channels.find(name)
  if (!ch) ctx.error(typeof words.unknown === 'string' ? words.unknown : words.unknown(name))
  return ch
}
