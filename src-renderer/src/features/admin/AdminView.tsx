import { useEffect, useState } from 'react'
import type { PbxProfile } from '../../../../src-preload/types/profile'
import { TextField } from '../../components/form'
import { type Column, Table } from '../../components/table'
import { useAppStore } from '../../stores/app-store'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { useProfilesStore } from '../../stores/profiles-store'
import { AuditView } from './AuditView'
import { FirstRunStep } from './FirstRunStep'
import { ProfileEditor } from './ProfileEditor'
import { UpdatesCard } from './UpdatesCard'
import { WebLinkCard } from './WebLinkCard'
import { newProfileTemplate } from './profile-template'
import { strings } from './strings'

const t = tr(strings)
const c = tr(common)

/** Changing the admin passphrase (the first one is set in the first-run step). */
function PassphraseForm(): React.JSX.Element {
  const setPassphrase = useProfilesStore((s) => s.setPassphrase)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [done, setDone] = useState(false)
  return (
    <form
      className="card"
      aria-label={t('passphrase.title')}
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
      <h2>{t('passphrase.title')}</h2>
      <p className="muted small">{t('passphrase.explained')}</p>
      <div className="inline-fields">
        <TextField label={t('passphrase.current')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} />
        <TextField label={t('passphrase.new')} type="password" autoComplete="new-password" value={next} onChange={setNext} />
        <button type="submit" disabled={next === '' || current === ''}>
          {t('passphrase.change')}
        </button>
        {done && <span className="ok-text">{t('passphrase.saved')}</span>}
      </div>
    </form>
  )
}

function SecretFlag({ label, has }: { label: string; has: boolean }): React.JSX.Element {
  return <span className={has ? 'pill pill-ok' : 'pill'}>{has ? t('secretStored', { name: label }) : t('secretMissing', { name: label })}</span>
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
        aria-label={t('removeProfile', { name: profile.name })}
        onClick={() => {
          if (needsPassphrase) setAsking(true)
          else if (window.confirm(t('removeConfirm', { name: profile.name }))) void remove(profile.id)
        }}
      >
        {c('remove')}
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
      aria-label={t('removeProfile', { name: profile.name })}
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
        label={t('removePassphrase', { name: profile.name })}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={passphrase}
        onChange={setPassphrase}
      />
      <button type="submit" className="danger" disabled={passphrase === ''}>
        {c('remove')}
      </button>
      <button type="button" onClick={cancel}>
        {c('cancel')}
      </button>
    </form>
  )
}

const ROLE_WORD = { receptionist: 'role.receptionist', supervisor: 'role.supervisor', admin: 'role.admin' } as const

/** The seat a profile gives: its extension, role and whether it is read-only ("100 · receptionist · read-only"). */
function seatText(p: PbxProfile): string {
  const words = { extension: p.operator.ownExtension, role: t(ROLE_WORD[p.operator.role]) }
  return p.operator.readOnly ? t('seatReadOnly', words) : t('seat', words)
}

/** The profiles list's columns; `onEdit` opens the editor on a profile. */
function profileColumns(needsPassphrase: boolean, onEdit: (p: PbxProfile) => void): readonly Column<PbxProfile>[] {
  return [
    { key: 'name', header: t('col.name'), cell: (p) => p.name },
    { key: 'host', header: t('col.host'), cellClassName: 'mono', cell: (p) => `${p.host}:${String(p.ami.port)}${p.ami.tls ? ' (TLS)' : ''}` },
    { key: 'seat', header: t('col.seat'), cell: seatText },
    {
      key: 'secrets',
      header: t('col.secrets'),
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
      header: t('col.actions'),
      hiddenHeader: true,
      cellClassName: 'buttons',
      cell: (p) => (
        <>
          <button
            type="button"
            aria-label={t('editProfile', { name: p.name })}
            onClick={() => {
              onEdit(p)
            }}
          >
            {c('edit')}
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
        <h1 id="admin-title">{t('title')}</h1>
        <button
          type="button"
          className="primary"
          disabled={firstRun}
          title={firstRun ? t('setPassphraseFirst') : undefined}
          onClick={() => {
            setEditing({ profile: newProfileTemplate(), isNew: true })
          }}
        >
          {t('newProfile')}
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
        <h2 id="profiles-title">{t('profilesTitle')}</h2>
        <Table
          label={t('profilesTitle')}
          columns={profileColumns(view?.hasAdminPassphrase === true, (p) => {
            setEditing({ profile: p, isNew: false })
          })}
          rows={view?.profiles ?? []}
          rowKey={(p) => p.id}
          empty={<p className="muted">{t('noProfiles')}</p>}
        />
        {view !== null && view.problems.length > 0 && (
          <div role="alert" className="banner error">
            {view.problems.map((pr) => (
              <p key={pr.id}>{t('profileRefused', { id: pr.id, reason: pr.message })}</p>
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
