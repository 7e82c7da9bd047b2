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
import { useProfilesStore } from '../../stores/profiles-store'
import { fillDisabledTransports } from './profile-template'
import { SupervisionFields } from './SupervisionFields'
import { TimeZoneField } from './TimeZoneField'
import { VoicemailAccessFields } from './VoicemailAccessFields'

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

const AMI_LOGINS = [
  { value: 'md5', label: 'MD5 challenge (secret never sent)' },
  { value: 'plain', label: 'Plain secret (TLS only)' },
] as const
const ROLES = [
  { value: 'receptionist', label: 'Receptionist' },
  { value: 'supervisor', label: 'Supervisor' },
  { value: 'admin', label: 'Admin' },
] as const

/** A pasted CA certificate for a PBX whose TLS certificate comes from a private CA. Empty = the system's CAs. */
function PemField(props: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }): React.JSX.Element {
  return (
    <TextAreaField
      label={props.label}
      placeholder="paste PEM (private CA only)"
      value={props.value ?? ''}
      onChange={(v) => {
        props.onChange(v.trim() === '' ? undefined : v)
      }}
    />
  )
}

const secretPlaceholder = (has: boolean): string => (has ? 'stored — type to replace' : 'not set')

const SECRET_NAMES: Record<SecretKind, string> = { ami: 'AMI secret', ari: 'ARI password', freepbx: 'FreePBX client secret' }

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
  if (isNew) return <p className="muted small sealed-note">Creating a profile needs the admin passphrase.</p>
  const changes = sealedChanges(sealedFieldsOf(initial), sealedFieldsOf(edited))
  const had: Record<SecretKind, boolean> = { ami: initial.ami.hasSecret, ari: initial.ari.hasSecret, freepbx: initial.freepbx.hasSecret }
  const dropped = changedEndpoints(initial, edited).filter((kind) => had[kind] && (typed[kind] ?? '') === '')
  if (changes.length === 0) return null
  return (
    <div className="sealed-note" role="note" aria-label="What saving needs">
      <p className="warn-text">Changed sealed settings ({changes.join(', ')}): saving needs the admin passphrase.</p>
      {dropped.map((kind) => (
        <p key={kind} className="warn-text">
          The stored {SECRET_NAMES[kind]} was entered for {endpointLabel(kind, initial)}; it is dropped on save unless you type it again for{' '}
          {endpointLabel(kind, edited)}.
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
    <form className="card profile-editor" aria-label={isNew ? 'New PBX profile' : `Edit ${initial.name}`} onSubmit={(e) => void onSubmit(e)}>
      <h2>{isNew ? 'New PBX profile' : `Edit ${initial.name}`}</h2>
      <div className="form-grid">
        <fieldset>
          <legend>PBX</legend>
          <TextField
            label="Name"
            value={p.name}
            onChange={(v) => {
              setP({ ...p, name: v })
            }}
          />
          <TextField
            label="Profile id"
            value={p.id}
            disabled={!isNew}
            placeholder="e.g. main-office"
            onChange={(v) => {
              setP({ ...p, id: v })
            }}
          />
          <TextField
            label="Host"
            value={p.host}
            placeholder="pbx.example.com"
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
            label="Port"
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
                label="AMI CA certificate (PEM)"
                value={p.ami.ca}
                onChange={(v) => {
                  patch('ami', { ca: v })
                }}
              />
              <TextField
                label="Certificate name"
                placeholder="when it differs from the host"
                value={p.ami.servername ?? ''}
                onChange={(v) => {
                  patch('ami', { servername: v.trim() === '' ? undefined : v.trim() })
                }}
              />
            </>
          )}
          <SelectField
            label="Login"
            value={p.ami.auth}
            options={AMI_LOGINS}
            onChange={(auth) => {
              patch('ami', { auth })
            }}
          />
          <TextField
            label="User"
            value={p.ami.user}
            onChange={(v) => {
              patch('ami', { user: v })
            }}
          />
          <TextField
            label="AMI secret"
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
            label="Use ARI"
            checked={p.ari.enabled}
            onChange={(v) => {
              patch('ari', { enabled: v })
            }}
          />
          <WholeNumberField
            label="Port"
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
              label="ARI CA certificate (PEM)"
              value={p.ari.ca}
              onChange={(v) => {
                patch('ari', { ca: v })
              }}
            />
          )}
          <TextField
            label="User"
            value={p.ari.user}
            onChange={(v) => {
              patch('ari', { user: v })
            }}
          />
          <TextField
            label="ARI password"
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
          <legend>FreePBX API</legend>
          <CheckField
            label="Use the FreePBX API"
            checked={p.freepbx.enabled}
            onChange={(v) => {
              patch('freepbx', { enabled: v })
            }}
          />
          <TextField
            label="Base URL"
            value={p.freepbx.baseUrl}
            onChange={(v) => {
              patch('freepbx', { baseUrl: v })
            }}
          />
          {p.freepbx.baseUrl.startsWith('https:') && (
            <PemField
              label="API CA certificate (PEM)"
              value={p.freepbx.ca}
              onChange={(v) => {
                patch('freepbx', { ca: v })
              }}
            />
          )}
          <TextField
            label="Client id"
            value={p.freepbx.clientId}
            onChange={(v) => {
              patch('freepbx', { clientId: v })
            }}
          />
          <TextField
            label="Client secret"
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
          <span id="sealed-title">Sealed settings</span> <span className="pill sealed-pill">admin passphrase</span>
        </h3>
        <p className="muted small">
          What this seat may dial and where its calls go. Changing any of these, or the PBX host, ports, TLS and login settings above, needs the admin
          passphrase; a hand edit of the settings file is detected and refused.
        </p>
        <div className="form-grid">
          <fieldset>
            <legend>Operator seat</legend>
            <TextField
              label="Own extension"
              value={p.operator.ownExtension}
              onChange={(v) => {
                patch('operator', { ownExtension: v })
              }}
            />
            <SelectField
              label="Role"
              value={p.operator.role}
              options={ROLES}
              onChange={(role) => {
                patch('operator', { role })
              }}
            />
            <CheckField
              label="Read-only (refuse every action)"
              checked={p.operator.readOnly}
              onChange={(v) => {
                patch('operator', { readOnly: v })
              }}
            />
          </fieldset>
          <fieldset>
            <legend>Dial plan</legend>
            <TextField
              label="Country code"
              value={p.dialPlan.country}
              onChange={(v) => {
                patch('dialPlan', { country: v })
              }}
            />
            {p.dialPlan.country !== '' && !hasPremiumTable(p.dialPlan.country) && (
              <p className="muted small" role="note">
                No premium-rate table for +{p.dialPlan.country}: only your allowed prefixes protect you.
              </p>
            )}
            <TextField
              label="Outside-line prefix"
              value={p.dialPlan.outsideLinePrefix}
              onChange={(v) => {
                patch('dialPlan', { outsideLinePrefix: v })
              }}
            />
            <TextField
              label="National prefix"
              value={p.dialPlan.nationalPrefix}
              onChange={(v) => {
                patch('dialPlan', { nationalPrefix: v })
              }}
            />
            <TextField
              label="International prefix"
              value={p.dialPlan.internationalPrefix}
              onChange={(v) => {
                patch('dialPlan', { internationalPrefix: v })
              }}
            />
            <ListField
              label="Internal extensions (patterns)"
              value={p.dialPlan.internalExtensions.patterns}
              onCommit={(patterns) => {
                patch('dialPlan', { internalExtensions: { ...p.dialPlan.internalExtensions, patterns } })
              }}
            />
            <ListField
              label="Internal extensions (list)"
              value={p.dialPlan.internalExtensions.list}
              onCommit={(list) => {
                patch('dialPlan', { internalExtensions: { ...p.dialPlan.internalExtensions, list } })
              }}
            />
            <ListField
              label="Emergency numbers"
              value={p.dialPlan.emergencyNumbers}
              onCommit={(emergencyNumbers) => {
                patch('dialPlan', { emergencyNumbers })
              }}
            />
            <ListField
              label="Allowed outbound prefixes"
              placeholder="+44, +1876"
              value={p.dialPlan.allowedOutboundPrefixes}
              onCommit={(allowedOutboundPrefixes) => {
                patch('dialPlan', { allowedOutboundPrefixes })
              }}
            />
          </fieldset>
          <fieldset>
            <legend>Originate</legend>
            <TextField
              label="Channel template"
              value={p.originate.channelTemplate}
              onChange={(v) => {
                patch('originate', { channelTemplate: v })
              }}
            />
            <TextField
              label="Context"
              value={p.originate.context}
              onChange={(v) => {
                patch('originate', { context: v })
              }}
            />
            <TextField
              label="Voicemail context"
              value={p.originate.voicemailContext}
              onChange={(v) => {
                patch('originate', { voicemailContext: v })
              }}
            />
            <TextField
              label="Voicemail prefix"
              value={p.originate.voicemailPrefix}
              onChange={(v) => {
                patch('originate', { voicemailPrefix: v })
              }}
            />
            <TextField
              label="Parking lot"
              value={p.originate.parkingLot}
              onChange={(v) => {
                patch('originate', { parkingLot: v })
              }}
            />
          </fieldset>
          <fieldset>
            <legend>Dial limits</legend>
            <p className="muted small">Calls this seat may place or transfer out: a burst, then a steady rate.</p>
            <WholeNumberField
              label="Burst (calls)"
              {...BURST}
              value={p.dialLimits.burst}
              onCommit={(burst) => {
                patch('dialLimits', { burst })
              }}
            />
            <WholeNumberField
              label="Then per minute"
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
        <TextField label="Admin passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={setPassphrase} />
        <FormError error={error} />
        {tested !== null && (
          <ul className="test-results" aria-label="Connection test results">
            {(['ami', 'ari', 'rest', 'config'] as const).map((t) => {
              const r = tested[t]
              if (r === undefined) return null
              const label = t === 'rest' ? 'FreePBX API' : t === 'config' ? 'Configuration' : t.toUpperCase()
              return (
                <li key={t} className={r.ok ? 'ok-text' : r.code === 'disabled' ? 'muted' : 'error-text'}>
                  <strong>{label}</strong>:{' '}
                  {r.ok ? (t === 'config' ? r.version : `connected${r.version !== undefined ? ` (${r.version})` : ''}`) : (r.reason ?? 'failed')}
                  {t === 'config' && r.warnings.length > 0 ? (
                    // What configuration needs: one step a line, to work through on FreePBX.
                    <ul className="needs warn-text" aria-label="What configuration needs">
                      {r.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ) : (
                    r.warnings.map((w) => (
                      <span key={w} className="warn-text">
                        {' '}
                        ⚠ {w}
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
            {testing ? 'Testing…' : 'Test connection'}
          </button>
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save profile
          </button>
        </div>
      </div>
    </form>
  )
}
