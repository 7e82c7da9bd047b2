import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StringsFragment } from '../../../src-preload/i18n/catalogue'
import { LANGUAGES } from '../../../src-preload/i18n/languages'
import { RENDERER_FRAGMENTS } from '../../../src-renderer/src/i18n'

/**
 * The catalogue is complete: every text English has, German and French have too (non-empty, with
 * the same {{placeholders}}, and every plural form their language's rules ask for). The compiler
 * already refuses a missing key; this catches empty texts, lost placeholders and plural forms.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort()

/** Every strings.ts under a folder. */
function stringsFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...stringsFiles(path))
    else if (name === 'strings.ts') out.push(path)
  }
  return out
}

const root = join(import.meta.dirname, '../../..')
/** Main's fragments, each folder's strings.ts (main's `say` takes a fragment into its catalogue when first used). */
const mainModules = await Promise.all(
  stringsFiles(join(root, 'src-main')).map(async (file) => ({
    file: relative(root, file),
    mod: (await import(file)) as { strings?: StringsFragment },
  })),
)
const MAIN_FRAGMENTS = mainModules.flatMap(({ mod }) => (mod.strings === undefined ? [] : [mod.strings]))
const fragments = [...new Set([...RENDERER_FRAGMENTS, ...MAIN_FRAGMENTS])]

function shape(texts: Readonly<Record<string, string>>): { plain: Map<string, string>; plural: Map<string, Map<string, string>> } {
  const plain = new Map<string, string>()
  const plural = new Map<string, Map<string, string>>()
  for (const [key, text] of Object.entries(texts)) {
    const m = PLURAL.exec(key)
    if (m === null) plain.set(key, text)
    else {
      const base = key.slice(0, m.index)
      const forms = plural.get(base) ?? new Map<string, string>()
      forms.set(m[1] ?? '', text)
      plural.set(base, forms)
    }
  }
  return { plain, plural }
}

function problems(fragment: StringsFragment): string[] {
  const out: string[] = []
  const en = shape(fragment.texts.en)
  for (const [key, text] of en.plain) if (text.trim() === '') out.push(`en:${key} is empty`)
  for (const lang of LANGUAGES) {
    const own = shape(fragment.texts[lang])
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
    for (const [key, text] of en.plain) {
      const t = own.plain.get(key)
      if (t === undefined) out.push(`${lang}:${key} is missing`)
      else if (t.trim() === '') out.push(`${lang}:${key} is empty`)
      else if (placeholders(t).join() !== placeholders(text).join())
        out.push(`${lang}:${key} has {{${placeholders(t).join()}}}, English {{${placeholders(text).join()}}}`)
    }
    for (const key of own.plain.keys()) if (!en.plain.has(key) && !en.plural.has(key)) out.push(`${lang}:${key} is not an English key`)
    for (const [base, forms] of en.plural) {
      const reference = placeholders(forms.get('other') ?? '').join()
      const mine = own.plural.get(base)
      for (const category of categories) {
        const t = mine?.get(category)
        if (t === undefined) out.push(`${lang}:${base}_${category} is missing (${lang} plural rules need it)`)
        else if (t.trim() === '') out.push(`${lang}:${base}_${category} is empty`)
        else if (!placeholders(t).every((p) => reference.includes(p))) out.push(`${lang}:${base}_${category} has {{${placeholders(t).join()}}}`)
      }
    }
    for (const base of own.plural.keys()) if (!en.plural.has(base)) out.push(`${lang}:${base} has plural forms English has not`)
  }
  return out
}

describe('the string catalogue', () => {
  it('has fragments, each namespace claimed once', () => {
    expect(fragments.length).toBeGreaterThan(1)
    const names = fragments.map((f) => f.namespace)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })

  it.each(fragments.map((f) => [f.namespace, f] as const))('%s is complete in every language', (_ns, fragment) => {
    expect(problems(fragment)).toEqual([])
  })

  it('finds a fragment named `strings` in every strings.ts of main', () => {
    expect(mainModules.filter(({ mod }) => mod.strings === undefined).map(({ file }) => file)).toEqual([])
    expect(MAIN_FRAGMENTS.length).toBeGreaterThan(10)
  })

  it('finds a lost placeholder, a missing plural form and an empty text', () => {
    const broken: StringsFragment = {
      namespace: 'broken',
      texts: {
        en: { greet: 'Hello {{name}}', calls_one: '{{count}} call', calls_other: '{{count}} calls' },
        de: { greet: 'Hallo', calls_one: '{{count}} Anruf', calls_other: '{{count}} Anrufe' },
        fr: { greet: ' ', calls_one: '{{count}} appel', calls_other: '{{count}} appels' },
      },
    }
    expect(problems(broken)).toEqual([
      'de:greet has {{}}, English {{name}}',
      'fr:greet is empty',
      'fr:calls_many is missing (fr plural rules need it)',
    ])
  })
})

describe('a translate function', () => {
  it('follows the language chosen, with numbers in its locale and its plural rules', async () => {
    const { setLanguage, tr, fmt } = await import('../../../src-renderer/src/i18n')
    const { strings } = await import('../../../src-renderer/src/features/settings/strings')
    const t = tr(strings)
    setLanguage('de')
    expect(t('cachedCalls', { count: 1200 })).toBe('1.200 gespeicherte Anrufe')
    expect(t('cachedCalls', { count: 1 })).toBe('1 gespeicherten Anruf')
    expect(fmt().number(1234.5)).toBe('1.234,5')
    setLanguage('fr')
    expect(t('removeQuestion', { calls: t('cachedCalls', { count: 0 }), count: 1 })).toBe('Supprimer 0 appel enregistré de plus de 1 jour ?')
    setLanguage('en')
    expect(t('cachedCalls', { count: 2 })).toBe('2 cached calls')
  })
})

describe("main's say", () => {
  it('takes a fragment no list names into the catalogue when first used, and refuses a second one under the same name', async () => {
    const { say, setMainLanguage } = await import('../../../src-main/core/i18n')
    const { defineStrings } = await import('../../../src-preload/i18n/catalogue')
    const shell = defineStrings('test-shell', { en: { quit: 'Quit' }, de: { quit: 'Beenden' }, fr: { quit: 'Quitter' } })
    const t = say(shell)
    setMainLanguage('de', [])
    try {
      expect(t('quit')).toBe('Beenden')
      const impostor = defineStrings('test-shell', { en: { quit: 'Exit' }, de: { quit: 'Exit' }, fr: { quit: 'Exit' } })
      expect(() => say(impostor)('quit')).toThrow(/namespace 'test-shell'/)
    } finally {
      setMainLanguage('en', [])
    }
  })
})
