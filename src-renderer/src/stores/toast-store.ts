import { create } from 'zustand'

export type ToastKind = 'ok' | 'error' | 'warn'

export interface Toast {
  readonly id: number
  readonly kind: ToastKind
  readonly text: string
}

interface ToastState {
  toasts: readonly Toast[]
  push: (kind: ToastKind, text: string) => void
  dismiss: (id: number) => void
}

let nextId = 1
/** Errors stay longer than confirmations: an operator may be looking at the phone. */
const LIFETIME_MS: Record<ToastKind, number> = { ok: 4000, warn: 10_000, error: 12_000 }

export const useToastStore = create<ToastState>((set, get) => ({
  toasts: [],
  push: (kind, text) => {
    const id = nextId++
    set({ toasts: [...get().toasts.slice(-4), { id, kind, text }] })
    setTimeout(() => {
      get().dismiss(id)
    }, LIFETIME_MS[kind])
  },
  dismiss: (id) => {
    set({ toasts: get().toasts.filter((t) => t.id !== id) })
  },
}))
