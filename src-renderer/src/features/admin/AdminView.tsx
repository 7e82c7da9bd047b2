import { useEffect, useState } from 'react'
import type { PbxProfile } from '../../../../src-preload/types/profile'
import { TextField } from '../../components/form'
import { type Column, Table } from '../../components/table'
import { useAppStore } from '../../stores/app-store'
import { useProfilesStore } from '../../stores/profiles-store'
import { AuditView } from './AuditView'
import { FirstRunStep } from './FirstRunStep'
import { ProfileEditor } from './ProfileEditor'
import { UpdatesCard } from './UpdatesCard'
import { WebLinkCard } from './WebLinkCard'
import { newProfileTemplate } from './profile-template'

/** Changing the admin passphrase (the first one is set in the first-run step). */
function PassphraseForm(): React.JSX.Element {
  const setPassphrase = useProfilesStore((s) => s.setPassphrase)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [done, setDone] = useState(false)
  return (
    <form
      className="card"
      aria-label="Admin passphrase"
      onSubmit={(e) => {
        e.preventDefault()
        void setPassphrase(next, current).then((ok) => {
          setDone(ok)
          if (ok) {
            setCurrent('')
            setNext('')
          }
        })
      }}
    >
      <h2>Admin passphrase</h2>
      <p className="muted small">
        Required to create a profile and to change its sealed settings (seat, dial plan, originate settings, dial limits, supervision scope, PBX
        addresses). Changing it needs the current one; wrong tries make the next one wait.
      </p>
      <div className="inline-fields">
        <TextField label="Current passphrase" type="password" autoComplete="current-password" value={current} onChange={setCurrent} />
        <TextField label="New passphrase" type="password" autoComplete="new-password" value={next} onChange={setNext} />
        <button type="submit" disabled={next === '' || current === ''}>
          Change passphrase
        </button>
        {done && <span className="ok-text">Saved.</span>}
      </div>
    </form>
  )
}

function SecretFlag({ label, has }: { label: string; has: boolean }): React.JSX.Element {
  return <span className={has ? 'pill pill-ok' : 'pill'}>{`${label} ${has ? 'stored' : 'missing'}`}</span>
}

/**
 * Removing a profile deletes its settings and stored secrets: once an admin passphrase exists it
 * is asked for here, in the row, and checked by main (a plain confirm before then).
 */
function RemoveProfile({ profile, needsPassphrase }: { profile: PbxProfile; needsPassphrase: boolean }): React.JSX.Element {
  const remove = useProfilesStore((s) => s.remove)
  const [asking, setAsking] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  if (!asking) {
    return (
      <button
        type="button"
        aria-label={`Remove ${profile.name}`}
        onClick={() => {
          if (needsPassphrase) setAsking(true)
          else if (window.confirm(`Remove the profile “${profile.name}”? Its stored secrets are deleted too.`)) void remove(profile.id)
        }}
      >
        Remove
      </button>
    )
  }
  const cancel = (): void => {
    setAsking(false)
    setPassphrase('')
  }
  return (
    <form
      className="inline-fields"
      aria-label={`Remove ${profile.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        void remove(profile.id, passphrase).then((ok) => {
          if (ok) cancel()
        })
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel()
      }}
    >
      <TextField
        label={`Admin passphrase to remove “${profile.name}” and its secrets`}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={passphrase}
        onChange={setPassphrase}
      />
      <button type="submit" className="danger" disabled={passphrase === ''}>
        Remove
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </form>
  )
}

/** The profiles list's columns; `onEdit` opens the editor on a profile. */
function profileColumns(needsPassphrase: boolean, onEdit: (p: PbxProfile) => void): readonly Column<PbxProfile>[] {
  return [
    { key: 'name', header: 'Name', cell: (p) => p.name },
    { key: 'host', header: 'Host', cellClassName: 'mono', cell: (p) => `${p.host}:${String(p.ami.port)}${p.ami.tls ? ' (TLS)' : ''}` },
    { key: 'seat', header: 'Seat', cell: (p) => `${p.operator.ownExtension} · ${p.operator.role}${p.operator.readOnly ? ' · read-only' : ''}` },
    {
      key: 'secrets',
      header: 'Secrets',
      cellClassName: 'flags',
      cell: (p) => (
        <>
          <SecretFlag label="AMI" has={p.ami.hasSecret} />
          {p.ari.enabled && <SecretFlag label="ARI" has={p.ari.hasSecret} />}
          {p.freepbx.enabled && <SecretFlag label="API" has={p.freepbx.hasSecret} />}
        </>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      hiddenHeader: true,
      cellClassName: 'buttons',
      cell: (p) => (
        <>
          <button
            type="button"
            aria-label={`Edit ${p.name}`}
            onClick={() => {
              onEdit(p)
            }}
          >
            Edit
          </button>
          <RemoveProfile profile={p} needsPassphrase={needsPassphrase} />
        </>
      ),
    },
  ]
}

/** PBX profiles (list + editor), the admin passphrase, and the audit log. */
export function AdminView(): React.JSX.Element {
  const view = useProfilesStore((s) => s.view)
  const load = useProfilesStore((s) => s.load)
  const webMode = useAppStore((s) => s.info?.mode === 'web')
  const [editing, setEditing] = useState<{ profile: PbxProfile; isNew: boolean } | null>(null)
  // Until the first-run step is done nobody can create a profile (main refuses it too).
  const firstRun = view !== null && !view.hasAdminPassphrase
  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="view" aria-labelledby="admin-title">
      <div className="row-between">
        <h1 id="admin-title">Admin</h1>
        <button
          type="button"
          className="primary"
          disabled={firstRun}
          title={firstRun ? 'Set the admin passphrase first' : undefined}
          onClick={() => {
            setEditing({ profile: newProfileTemplate(), isNew: true })
          }}
        >
          New profile
        </button>
      </div>
      {firstRun && <FirstRunStep webMode={webMode} />}
      {editing !== null && (
        <ProfileEditor
          key={editing.profile.id || 'new'}
          initial={editing.profile}
          isNew={editing.isNew}
          onDone={() => {
            setEditing(null)
          }}
        />
      )}
      <section className="card" aria-labelledby="profiles-title">
        <h2 id="profiles-title">PBX profiles</h2>
        <Table
          label="PBX profiles"
          columns={profileColumns(view?.hasAdminPassphrase === true, (p) => {
            setEditing({ profile: p, isNew: false })
          })}
          rows={view?.profiles ?? []}
          rowKey={(p) => p.id}
          empty={<p className="muted">No PBX profile yet: the console uses the built-in demo PBX.</p>}
        />
        {view !== null && view.problems.length > 0 && (
          <div role="alert" className="banner error">
            {view.problems.map((pr) => (
              <p key={pr.id}>
                Profile {pr.id} was refused: {pr.message}
              </p>
            ))}
          </div>
        )}
      </section>
      {view?.hasAdminPassphrase === true && <PassphraseForm />}
      {webMode && <WebLinkCard hasAdminPassphrase={view?.hasAdminPassphrase === true} />}
      <UpdatesCard hasAdminPassphrase={view?.hasAdminPassphrase === true} />
      <AuditView />
    </section>
  )
}
