import { create } from 'zustand'

export type ToastKind = 'ok' | 'error' | 'warn'

export interface Toast {
  readonly id: number
  readonly kind: ToastKind
  readonly text: string
  /** Lets a later message replace this toast (an "outcome unknown" that gets settled). */
  readonly key?: string
}

export interface ToastOptions {
  readonly key?: string
  /** How long it stays; by default by kind. */
  readonly lifetimeMs?: number
}

interface ToastState {
  toasts: readonly Toast[]
  push: (kind: ToastKind, text: string, opts?: ToastOptions) => void
  /** Replaces the toast with this key (or shows a new one if it was dismissed meanwhile). */
  replace: (key: string, kind: ToastKind, text: string) => void
  dismiss: (id: number) => void
}

let nextId = 1
/** Errors stay longer than confirmations: an operator may be looking at the phone. */
const LIFETIME_MS: Record<ToastKind, number> = { ok: 4000, warn: 10_000, error: 12_000 }

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  push: (kind, text, opts = {}) => {
    const id = nextId++
    const toast: Toast = opts.key === undefined ? { id, kind, text } : { id, kind, text, key: opts.key }
    set({ toasts: [...get().toasts.slice(-4), toast] })
    setTimeout(() => {
      get().dismiss(id)
    }, opts.lifetimeMs ?? LIFETIME_MS[kind])
  },
  replace: (key, kind, text) => {
    set({ toasts: get().toasts.filter((t) => t.key !== key) })
    get().push(kind, text, { key })
  },
  dismiss: (id) => {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  },
}))
