import './profile-editor.css'
import { useState } from 'react'
import type { TestConnectionView } from '../../../../src-preload/types/connections'
import {
  amiSettingsSchema,
  changedEndpoints,
  dialLimitsSchema,
  endpointLabel,
  sealedChanges,
  sealedFieldsOf,
  supervisionOf,
  voicemailAccessOf,
  type PbxProfile,
  type SecretKind,
} from '../../../../src-preload/types/profile'
import { hasPremiumTable } from '../../../../src-preload/types/premium-tables'
import { CheckField, FormError, ListField, SelectField, TextAreaField, TextField, WholeNumberField } from '../../components/form'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { useProfilesStore } from '../../stores/profiles-store'
import { fillDisabledTransports } from './profile-template'
import { SupervisionFields } from './SupervisionFields'
import { TimeZoneField } from './TimeZoneField'
import { strings } from './strings'
import { VoicemailAccessFields } from './VoicemailAccessFields'

const t = tr(strings)
const c = tr(common)

interface Props {
  readonly initial: PbxProfile
  readonly isNew: boolean
  readonly onDone: () => void
}

type Secrets = { ami: string; ari: string; freepbx: string }

/** Ranges main's profile schema validates with, so a field says what it refuses before Save does. */
const PORT = { min: amiSettingsSchema.shape.port.minValue ?? 1, max: amiSettingsSchema.shape.port.maxValue ?? 65535 }
const BURST = { min: dialLimitsSchema.shape.burst.minValue ?? 1, max: dialLimitsSchema.shape.burst.maxValue ?? 200 }
const PER_MINUTE = { min: dialLimitsSchema.shape.perMinute.minValue ?? 1, max: dialLimitsSchema.shape.perMinute.maxValue ?? 600 }

const amiLogins = () =>
  [
    { value: 'md5', label: t('editor.loginMd5') },
    { value: 'plain', label: t('editor.loginPlain') },
  ] as const
const roles = () =>
  [
    { value: 'receptionist', label: t('roleOption.receptionist') },
    { value: 'supervisor', label: t('roleOption.supervisor') },
    { value: 'admin', label: t('roleOption.admin') },
  ] as const

/** A pasted CA certificate for a PBX whose TLS certificate comes from a private CA. Empty = the system's CAs. */
function PemField(props: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }): React.JSX.Element {
  return (
    <TextAreaField
      label={props.label}
      placeholder={t('editor.pemPlaceholder')}
      value={props.value ?? ''}
      onChange={(v) => {
        props.onChange(v.trim() === '' ? undefined : v)
      }}
    />
  )
}

/** The parts a connection test reports, in the order they are listed. */
const TEST_PARTS = ['ami', 'ari', 'rest', 'config'] as const

const secretPlaceholder = (has: boolean): string => (has ? t('editor.secretStored') : t('editor.secretNotSet'))

const SECRET_NAMES = { ami: 'secretName.ami', ari: 'secretName.ari', freepbx: 'secretName.freepbx' } as const

/** The sealed groups as sealedChanges names them (src-preload/types/profile.ts), in the shown language. */
const SEALED_GROUPS: Readonly<Record<string, Parameters<typeof t>[0]>> = {
  role: 'sealed.role',
  'read-only': 'sealed.readOnly',
  'own extension': 'sealed.ownExtension',
  'dial plan': 'sealed.dialPlan',
  'originate settings': 'sealed.originate',
  'dial limits': 'sealed.dialLimits',
  'AMI endpoint': 'sealed.ami',
  'ARI endpoint': 'sealed.ari',
  'FreePBX API endpoint': 'sealed.freepbx',
  'supervision scope': 'sealed.supervision',
  'voicemail mailboxes': 'sealed.voicemail',
}
const sealedGroupWords = (name: string): string => {
  const key = SEALED_GROUPS[name]
  return key === undefined ? name : t(key)
}

/**
 * What saving this edit will need and do, said before the admin presses Save: the sealed groups
 * that changed (they need the admin passphrase) and the stored secrets an endpoint change drops.
 */
function SaveNotes({
  initial,
  edited,
  isNew,
  typed,
}: {
  initial: PbxProfile
  edited: PbxProfile
  isNew: boolean
  typed: Partial<Secrets>
}): React.JSX.Element | null {
  if (isNew) return <p className="muted small sealed-note">{t('saveNotes.new')}</p>
  const changes = sealedChanges(sealedFieldsOf(initial), sealedFieldsOf(edited))
  const had: Record<SecretKind, boolean> = { ami: initial.ami.hasSecret, ari: initial.ari.hasSecret, freepbx: initial.freepbx.hasSecret }
  const dropped = changedEndpoints(initial, edited).filter((kind) => had[kind] && (typed[kind] ?? '') === '')
  if (changes.length === 0) return null
  return (
    <div className="sealed-note" role="note" aria-label={t('saveNotes.label')}>
      <p className="warn-text">{t('saveNotes.sealed', { changes: changes.map(sealedGroupWords).join(', ') })}</p>
      {dropped.map((kind) => (
        <p key={kind} className="warn-text">
          {t('saveNotes.dropped', { secret: t(SECRET_NAMES[kind]), before: endpointLabel(kind, initial), after: endpointLabel(kind, edited) })}
        </p>
      ))}
    </div>
  )
}

/**
 * Edits one profile. Secret fields are write-only: they start empty, show whether a secret is
 * stored, and are sent only when typed into.
 */
export function ProfileEditor({ initial, isNew, onDone }: Props): React.JSX.Element {
  const [p, setP] = useState<PbxProfile>(initial)
  const [secrets, setSecrets] = useState<Secrets>({ ami: '', ari: '', freepbx: '' })
  const [passphrase, setPassphrase] = useState('')
  const save = useProfilesStore((s) => s.save)
  const testProfile = useProfilesStore((s) => s.test)
  const [tested, setTested] = useState<TestConnectionView | null>(null)
  const [testing, setTesting] = useState(false)
  const error = useProfilesStore((s) => s.error)
  const [busy, setBusy] = useState(false)

  const patch = <K extends keyof PbxProfile>(key: K, value: Partial<PbxProfile[K]>): void => {
    setP((prev) => ({ ...prev, [key]: typeof value === 'object' ? { ...(prev[key] as object), ...value } : value }))
  }

  const typedSecrets = (): Partial<Secrets> => Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''))

  const onTest = async (): Promise<void> => {
    setTesting(true)
    const typed = typedSecrets()
    setTested(await testProfile({ profile: fillDisabledTransports(p), ...(Object.keys(typed).length > 0 ? { secrets: typed } : {}) }))
    setTesting(false)
  }

  const onSubmit = async (e: React.SyntheticEvent): Promise<void> => {
    e.preventDefault()
    setBusy(true)
    const typed = typedSecrets()
    const ok = await save({
      profile: fillDisabledTransports(p),
      ...(Object.keys(typed).length > 0 ? { secrets: typed } : {}),
      ...(passphrase !== '' ? { adminPassphrase: passphrase } : {}),
    })
    setBusy(false)
    if (ok) onDone()
  }

  return (
    <form
      className="card profile-editor"
      aria-label={isNew ? t('editor.new') : t('editProfile', { name: initial.name })}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2>{isNew ? t('editor.new') : t('editProfile', { name: initial.name })}</h2>
      <div className="form-grid">
        <fieldset>
          <legend>PBX</legend>
          <TextField
            label={t('editor.name')}
            value={p.name}
            onChange={(v) => {
              setP({ ...p, name: v })
            }}
          />
          <TextField
            label={t('editor.id')}
            value={p.id}
            disabled={!isNew}
            placeholder={t('editor.idExample')}
            onChange={(v) => {
              setP({ ...p, id: v })
            }}
          />
          <TextField
            label={t('editor.host')}
            value={p.host}
            placeholder={t('editor.hostExample')}
            onChange={(v) => {
              setP({ ...p, host: v })
            }}
          />
          <TimeZoneField
            profileId={p.id}
            value={p.timeZone}
            onChange={(v) => {
              setP({ ...p, timeZone: v })
            }}
          />
        </fieldset>
        <fieldset>
          <legend>AMI</legend>
          <WholeNumberField
            label={t('editor.port')}
            {...PORT}
            value={p.ami.port}
            onCommit={(port) => {
              patch('ami', { port })
            }}
          />
          <CheckField
            label="TLS"
            checked={p.ami.tls}
            onChange={(v) => {
              patch('ami', { tls: v, port: v && p.ami.port === 5038 ? 5039 : !v && p.ami.port === 5039 ? 5038 : p.ami.port })
            }}
          />
          {p.ami.tls && (
            <>
              <PemField
                label={t('editor.amiCa')}
                value={p.ami.ca}
                onChange={(v) => {
                  patch('ami', { ca: v })
                }}
              />
              <TextField
                label={t('editor.servername')}
                placeholder={t('editor.servernamePlaceholder')}
                value={p.ami.servername ?? ''}
                onChange={(v) => {
                  patch('ami', { servername: v.trim() === '' ? undefined : v.trim() })
                }}
              />
            </>
          )}
          <SelectField
            label={t('editor.login')}
            value={p.ami.auth}
            options={amiLogins()}
            onChange={(auth) => {
              patch('ami', { auth })
            }}
          />
          <TextField
            label={t('editor.user')}
            value={p.ami.user}
            onChange={(v) => {
              patch('ami', { user: v })
            }}
          />
          <TextField
            label={t('editor.amiSecret')}
            type="password"
            autoComplete="new-password"
            value={secrets.ami}
            placeholder={secretPlaceholder(p.ami.hasSecret)}
            onChange={(v) => {
              setSecrets({ ...secrets, ami: v })
            }}
          />
        </fieldset>
        <fieldset>
          <legend>ARI</legend>
          <CheckField
            label={t('editor.useAri')}
            checked={p.ari.enabled}
            onChange={(v) => {
              patch('ari', { enabled: v })
            }}
          />
          <WholeNumberField
            label={t('editor.port')}
            {...PORT}
            value={p.ari.port}
            onCommit={(port) => {
              patch('ari', { port })
            }}
          />
          <CheckField
            label="TLS"
            checked={p.ari.tls}
            onChange={(v) => {
              patch('ari', { tls: v })
            }}
          />
          {p.ari.tls && (
            <PemField
              label={t('editor.ariCa')}
              value={p.ari.ca}
              onChange={(v) => {
                patch('ari', { ca: v })
              }}
            />
          )}
          <TextField
            label={t('editor.user')}
            value={p.ari.user}
            onChange={(v) => {
              patch('ari', { user: v })
            }}
          />
          <TextField
            label={t('editor.ariPassword')}
            type="password"
            autoComplete="new-password"
            value={secrets.ari}
            placeholder={secretPlaceholder(p.ari.hasSecret)}
            onChange={(v) => {
              setSecrets({ ...secrets, ari: v })
            }}
          />
        </fieldset>
        <fieldset>
          <legend>{t('editor.freepbx')}</legend>
          <CheckField
            label={t('editor.useFreepbx')}
            checked={p.freepbx.enabled}
            onChange={(v) => {
              patch('freepbx', { enabled: v })
            }}
          />
          <TextField
            label={t('editor.baseUrl')}
            value={p.freepbx.baseUrl}
            onChange={(v) => {
              patch('freepbx', { baseUrl: v })
            }}
          />
          {p.freepbx.baseUrl.startsWith('https:') && (
            <PemField
              label={t('editor.apiCa')}
              value={p.freepbx.ca}
              onChange={(v) => {
                patch('freepbx', { ca: v })
              }}
            />
          )}
          <TextField
            label={t('editor.clientId')}
            value={p.freepbx.clientId}
            onChange={(v) => {
              patch('freepbx', { clientId: v })
            }}
          />
          <TextField
            label={t('editor.clientSecret')}
            type="password"
            autoComplete="new-password"
            value={secrets.freepbx}
            placeholder={secretPlaceholder(p.freepbx.hasSecret)}
            onChange={(v) => {
              setSecrets({ ...secrets, freepbx: v })
            }}
          />
        </fieldset>
      </div>
      <section className="sealed-settings" aria-labelledby="sealed-title">
        <h3>
          <span id="sealed-title">{t('editor.sealedTitle')}</span> <span className="pill sealed-pill">{t('editor.sealedPill')}</span>
        </h3>
        <p className="muted small">{t('editor.sealedExplained')}</p>
        <div className="form-grid">
          <fieldset>
            <legend>{t('editor.seat')}</legend>
            <TextField
              label={t('editor.ownExtension')}
              value={p.operator.ownExtension}
              onChange={(v) => {
                patch('operator', { ownExtension: v })
              }}
            />
            <SelectField
              label={t('editor.role')}
              value={p.operator.role}
              options={roles()}
              onChange={(role) => {
                patch('operator', { role })
              }}
            />
            <CheckField
              label={t('editor.readOnly')}
              checked={p.operator.readOnly}
              onChange={(v) => {
                patch('operator', { readOnly: v })
              }}
            />
          </fieldset>
          <fieldset>
            <legend>{t('editor.dialPlan')}</legend>
            <TextField
              label={t('editor.country')}
              value={p.dialPlan.country}
              onChange={(v) => {
                patch('dialPlan', { country: v })
              }}
            />
            {p.dialPlan.country !== '' && !hasPremiumTable(p.dialPlan.country) && (
              <p className="muted small" role="note">
                {t('editor.noPremiumTable', { country: p.dialPlan.country })}
              </p>
            )}
            <TextField
              label={t('editor.outsideLine')}
              value={p.dialPlan.outsideLinePrefix}
              onChange={(v) => {
                patch('dialPlan', { outsideLinePrefix: v })
              }}
            />
            <TextField
              label={t('editor.national')}
              value={p.dialPlan.nationalPrefix}
              onChange={(v) => {
                patch('dialPlan', { nationalPrefix: v })
              }}
            />
            <TextField
              label={t('editor.international')}
              value={p.dialPlan.internationalPrefix}
              onChange={(v) => {
                patch('dialPlan', { internationalPrefix: v })
              }}
            />
            <ListField
              label={t('editor.internalPatterns')}
              value={p.dialPlan.internalExtensions.patterns}
              onCommit={(patterns) => {
                patch('dialPlan', { internalExtensions: { ...p.dialPlan.internalExtensions, patterns } })
              }}
            />
            <ListField
              label={t('editor.internalList')}
              value={p.dialPlan.internalExtensions.list}
              onCommit={(list) => {
                patch('dialPlan', { internalExtensions: { ...p.dialPlan.internalExtensions, list } })
              }}
            />
            <ListField
              label={t('editor.emergency')}
              value={p.dialPlan.emergencyNumbers}
              onCommit={(emergencyNumbers) => {
                patch('dialPlan', { emergencyNumbers })
              }}
            />
            <ListField
              label={t('editor.allowedPrefixes')}
              placeholder="+44, +1876"
              value={p.dialPlan.allowedOutboundPrefixes}
              onCommit={(allowedOutboundPrefixes) => {
                patch('dialPlan', { allowedOutboundPrefixes })
              }}
            />
          </fieldset>
          <fieldset>
            <legend>{t('editor.originate')}</legend>
            <TextField
              label={t('editor.channelTemplate')}
              value={p.originate.channelTemplate}
              onChange={(v) => {
                patch('originate', { channelTemplate: v })
              }}
            />
            <TextField
              label={t('editor.context')}
              value={p.originate.context}
              onChange={(v) => {
                patch('originate', { context: v })
              }}
            />
            <TextField
              label={t('editor.voicemailContext')}
              value={p.originate.voicemailContext}
              onChange={(v) => {
                patch('originate', { voicemailContext: v })
              }}
            />
            <TextField
              label={t('editor.voicemailPrefix')}
              value={p.originate.voicemailPrefix}
              onChange={(v) => {
                patch('originate', { voicemailPrefix: v })
              }}
            />
            <TextField
              label={t('editor.parkingLot')}
              value={p.originate.parkingLot}
              onChange={(v) => {
                patch('originate', { parkingLot: v })
              }}
            />
          </fieldset>
          <fieldset>
            <legend>{t('editor.dialLimits')}</legend>
            <p className="muted small">{t('editor.dialLimitsExplained')}</p>
            <WholeNumberField
              label={t('editor.burst')}
              {...BURST}
              value={p.dialLimits.burst}
              onCommit={(burst) => {
                patch('dialLimits', { burst })
              }}
            />
            <WholeNumberField
              label={t('editor.perMinute')}
              {...PER_MINUTE}
              value={p.dialLimits.perMinute}
              onCommit={(perMinute) => {
                patch('dialLimits', { perMinute })
              }}
            />
          </fieldset>
          <SupervisionFields
            value={supervisionOf(p)}
            role={p.operator.role}
            onChange={(supervision) => {
              setP((prev) => ({ ...prev, supervision }))
            }}
          />
          <VoicemailAccessFields
            value={voicemailAccessOf(p)}
            operator={p.operator}
            onChange={(voicemail) => {
              setP((prev) => ({ ...prev, voicemail }))
            }}
          />
        </div>
      </section>
      <div className="form-actions">
        <SaveNotes initial={initial} edited={fillDisabledTransports(p)} isNew={isNew} typed={typedSecrets()} />
        <TextField label={t('editor.adminPassphrase')} type="password" autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
        <FormError error={error} />
        {tested !== null && (
          <ul className="test-results" aria-label={t('editor.testResults')}>
            {TEST_PARTS.map((part) => {
              const r = tested[part]
              if (r === undefined) return null
              const label = part === 'rest' ? t('editor.freepbx') : part === 'config' ? t('editor.testConfig') : part.toUpperCase()
              const connected = r.ok && r.version !== undefined ? t('editor.connectedVersion', { version: r.version }) : t('editor.connected')
              return (
                <li key={part} className={r.ok ? 'ok-text' : r.code === 'disabled' ? 'muted' : 'error-text'}>
                  <strong>{label}</strong>: {r.ok ? (part === 'config' ? r.version : connected) : (r.reason ?? t('editor.failed'))}
                  {part === 'config' && r.warnings.length > 0 ? (
                    // What configuration needs: one step a line, to work through on FreePBX.
                    <ul className="needs warn-text" aria-label={t('editor.configNeeds')}>
                      {r.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ) : (
                    r.warnings.map((w) => (
                      <span key={w} className="warn-text">
                        {' '}
                        {t('editor.warning', { warning: w })}
                      </span>
                    ))
                  )}
                </li>
              )
            })}
          </ul>
        )}
        <div className="buttons">
          <button type="button" disabled={testing} onClick={() => void onTest()}>
            {testing ? t('editor.testing') : t('editor.test')}
          </button>
          <button type="button" onClick={onDone}>
            {c('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('editor.save')}
          </button>
        </div>
      </div>
    </form>
  )
}
