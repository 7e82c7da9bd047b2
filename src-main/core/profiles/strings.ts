import { defineStrings } from '../../../src-preload/i18n/catalogue'

/**
 * What the profiles and the admin passphrase refuse with, in the console's language. The audit keeps
 * the English words (ProfileError.english). A `task.*` phrase is what needs the passphrase, written
 * to fit its language's sentence (German: a noun after "Für", French: an infinitive after "pour").
 */
export const strings = defineStrings('profilesMain', {
  en: {
    'unbound.legacy.ami': 'the AMI secret was stored before secrets were tied to an address; enter it again',
    'unbound.legacy.ari': 'the ARI password was stored before secrets were tied to an address; enter it again',
    'unbound.legacy.freepbx': 'the FreePBX client secret was stored before secrets were tied to an address; enter it again',
    'unbound.moved.ami': 'the AMI secret was entered for {{was}}; enter it again for the new address',
    'unbound.moved.ari': 'the ARI password was entered for {{was}}; enter it again for the new address',
    'unbound.moved.freepbx': 'the FreePBX client secret was entered for {{was}}; enter it again for the new address',
    'unbound.changed.ami':
      'the AMI secret was entered for {{was}}; enter it again for these connection settings (TLS, certificate or login method differ)',
    'unbound.changed.ari':
      'the ARI password was entered for {{was}}; enter it again for these connection settings (TLS, certificate or login method differ)',
    'unbound.changed.freepbx':
      'the FreePBX client secret was entered for {{was}}; enter it again for these connection settings (TLS, certificate or login method differ)',
    'task.createProfile': 'creating a PBX profile',
    'task.saveOverRefused': 'saving over a refused profile',
    'task.changeGroups': 'changing the {{groups}}',
    'task.removeProfile': 'removing a PBX profile',
    'task.changePassphrase': 'changing the admin passphrase',
    'task.acceptRefused': 'accepting a refused profile',
    'task.replaceWebLink': 'Replacing the web link',
    'task.changeUpdates': 'changing the update settings',
    passphraseNotSet: '{{what}} needs an admin passphrase; set one first (Admin, first-run step)',
    passphraseRequired: '{{what}} needs the admin passphrase',
    passphraseWrong: 'the admin passphrase is not correct',
    passphraseTooShort: 'the admin passphrase must have at least {{min}} characters',
    throttledPassphrase: 'too many wrong admin passphrase attempts; try again in {{wait}}',
    throttledSetupCode: 'too many wrong setup code attempts; try again in {{wait}}',
    waitSeconds: '{{seconds}} s',
    waitMinutes: '{{minutes}} min',
    firstRunOnly:
      'the first admin passphrase can be set only in the desktop app or with the setup code printed where `npm run web` was started; restart it for a new code',
    setupCodeMissing: 'enter the setup code printed in the terminal that started `npm run web`',
    setupCodeWrong: 'the setup code is not correct; it is printed in the terminal that started `npm run web`',
    createNeedsPassphrase: 'set the admin passphrase first (Admin, first-run step): creating a PBX profile needs it',
    notFound: 'no PBX profile "{{id}}"',
    secretsUnavailable: 'secrets cannot be stored: {{reason}}',
    passphraseRecordDamaged: 'the stored admin passphrase record is damaged',
    passphraseRecordAltered: 'the stored admin passphrase record is damaged or was altered',
    backupSaved: '{{message}} (a copy of the file was saved to {{path}})',
  },
  de: {
    'unbound.legacy.ami': 'das AMI-Kennwort wurde gespeichert, bevor Kennwörter an eine Adresse gebunden wurden; geben Sie es erneut ein',
    'unbound.legacy.ari': 'das ARI-Kennwort wurde gespeichert, bevor Kennwörter an eine Adresse gebunden wurden; geben Sie es erneut ein',
    'unbound.legacy.freepbx':
      'das FreePBX-Client-Kennwort wurde gespeichert, bevor Kennwörter an eine Adresse gebunden wurden; geben Sie es erneut ein',
    'unbound.moved.ami': 'das AMI-Kennwort wurde für {{was}} eingegeben; geben Sie es für die neue Adresse erneut ein',
    'unbound.moved.ari': 'das ARI-Kennwort wurde für {{was}} eingegeben; geben Sie es für die neue Adresse erneut ein',
    'unbound.moved.freepbx': 'das FreePBX-Client-Kennwort wurde für {{was}} eingegeben; geben Sie es für die neue Adresse erneut ein',
    'unbound.changed.ami':
      'das AMI-Kennwort wurde für {{was}} eingegeben; geben Sie es für diese Verbindungseinstellungen erneut ein (TLS, Zertifikat oder Anmeldeart sind anders)',
    'unbound.changed.ari':
      'das ARI-Kennwort wurde für {{was}} eingegeben; geben Sie es für diese Verbindungseinstellungen erneut ein (TLS, Zertifikat oder Anmeldeart sind anders)',
    'unbound.changed.freepbx':
      'das FreePBX-Client-Kennwort wurde für {{was}} eingegeben; geben Sie es für diese Verbindungseinstellungen erneut ein (TLS, Zertifikat oder Anmeldeart sind anders)',
    'task.createProfile': 'das Anlegen eines Profils',
    'task.saveOverRefused': 'das Speichern über ein abgelehntes Profil',
    'task.changeGroups': 'die Änderung von {{groups}}',
    'task.removeProfile': 'das Entfernen eines Profils',
    'task.changePassphrase': 'die Änderung der Admin-Passphrase',
    'task.acceptRefused': 'die Übernahme eines abgelehnten Profils',
    'task.replaceWebLink': 'das Ersetzen des Web-Links',
    'task.changeUpdates': 'die Änderung der Update-Einstellungen',
    passphraseNotSet: 'Für {{what}} ist eine Admin-Passphrase nötig; legen Sie zuerst eine fest (Administration, erster Start)',
    passphraseRequired: 'Für {{what}} ist die Admin-Passphrase nötig',
    passphraseWrong: 'Die Admin-Passphrase ist nicht richtig',
    passphraseTooShort: 'Die Admin-Passphrase muss mindestens {{min}} Zeichen haben',
    throttledPassphrase: 'Zu viele falsche Admin-Passphrasen; versuchen Sie es in {{wait}} erneut',
    throttledSetupCode: 'Zu viele falsche Einrichtungscodes; versuchen Sie es in {{wait}} erneut',
    waitSeconds: '{{seconds}} s',
    waitMinutes: '{{minutes}} min',
    firstRunOnly:
      'Die erste Admin-Passphrase kann nur in der Desktop-App oder mit dem Einrichtungscode festgelegt werden, der beim Start von `npm run web` ausgegeben wurde; starten Sie es neu für einen neuen Code',
    setupCodeMissing: 'Geben Sie den Einrichtungscode ein, der im Terminal steht, in dem `npm run web` gestartet wurde',
    setupCodeWrong: 'Der Einrichtungscode ist nicht richtig; er steht im Terminal, in dem `npm run web` gestartet wurde',
    createNeedsPassphrase: 'Legen Sie zuerst die Admin-Passphrase fest (Administration, erster Start): Das Anlegen eines Profils braucht sie',
    notFound: 'Kein Profil „{{id}}“',
    secretsUnavailable: 'Kennwörter können nicht gespeichert werden: {{reason}}',
    passphraseRecordDamaged: 'Der gespeicherte Eintrag der Admin-Passphrase ist beschädigt',
    passphraseRecordAltered: 'Der gespeicherte Eintrag der Admin-Passphrase ist beschädigt oder wurde verändert',
    backupSaved: '{{message}} (eine Kopie der Datei wurde unter {{path}} gespeichert)',
  },
  fr: {
    'unbound.legacy.ami': 'le secret AMI a été enregistré avant que les secrets soient liés à une adresse ; saisissez-le à nouveau',
    'unbound.legacy.ari': 'le mot de passe ARI a été enregistré avant que les secrets soient liés à une adresse ; saisissez-le à nouveau',
    'unbound.legacy.freepbx': 'le secret client FreePBX a été enregistré avant que les secrets soient liés à une adresse ; saisissez-le à nouveau',
    'unbound.moved.ami': 'le secret AMI a été saisi pour {{was}} ; saisissez-le à nouveau pour la nouvelle adresse',
    'unbound.moved.ari': 'le mot de passe ARI a été saisi pour {{was}} ; saisissez-le à nouveau pour la nouvelle adresse',
    'unbound.moved.freepbx': 'le secret client FreePBX a été saisi pour {{was}} ; saisissez-le à nouveau pour la nouvelle adresse',
    'unbound.changed.ami':
      'le secret AMI a été saisi pour {{was}} ; saisissez-le à nouveau pour ces réglages de connexion (TLS, certificat ou méthode de connexion différents)',
    'unbound.changed.ari':
      'le mot de passe ARI a été saisi pour {{was}} ; saisissez-le à nouveau pour ces réglages de connexion (TLS, certificat ou méthode de connexion différents)',
    'unbound.changed.freepbx':
      'le secret client FreePBX a été saisi pour {{was}} ; saisissez-le à nouveau pour ces réglages de connexion (TLS, certificat ou méthode de connexion différents)',
    'task.createProfile': 'créer un profil de PBX',
    'task.saveOverRefused': 'enregistrer par-dessus un profil refusé',
    'task.changeGroups': 'modifier ces réglages : {{groups}}',
    'task.removeProfile': 'supprimer un profil de PBX',
    'task.changePassphrase': 'changer la phrase secrète d’administration',
    'task.acceptRefused': 'accepter un profil refusé',
    'task.replaceWebLink': 'remplacer le lien web',
    'task.changeUpdates': 'modifier les réglages de mise à jour',
    passphraseNotSet: 'Il faut une phrase secrète d’administration pour {{what}} ; définissez-en une d’abord (Administration, premier démarrage)',
    passphraseRequired: 'La phrase secrète d’administration est nécessaire pour {{what}}',
    passphraseWrong: 'La phrase secrète d’administration n’est pas correcte',
    passphraseTooShort: 'La phrase secrète d’administration doit compter au moins {{min}} caractères',
    throttledPassphrase: 'Trop de phrases secrètes erronées ; réessayez dans {{wait}}',
    throttledSetupCode: 'Trop de codes de configuration erronés ; réessayez dans {{wait}}',
    waitSeconds: '{{seconds}} s',
    waitMinutes: '{{minutes}} min',
    firstRunOnly:
      'La première phrase secrète d’administration ne peut être définie que dans l’application de bureau ou avec le code de configuration affiché au lancement de `npm run web` ; relancez-le pour obtenir un nouveau code',
    setupCodeMissing: 'Saisissez le code de configuration affiché dans le terminal qui a lancé `npm run web`',
    setupCodeWrong: 'Le code de configuration n’est pas correct ; il est affiché dans le terminal qui a lancé `npm run web`',
    createNeedsPassphrase:
      'Définissez d’abord la phrase secrète d’administration (Administration, premier démarrage) : elle est nécessaire pour créer un profil de PBX',
    notFound: 'Aucun profil de PBX « {{id}} »',
    secretsUnavailable: 'Les secrets ne peuvent pas être enregistrés : {{reason}}',
    passphraseRecordDamaged: 'L’enregistrement de la phrase secrète d’administration est endommagé',
    passphraseRecordAltered: 'L’enregistrement de la phrase secrète d’administration est endommagé ou a été modifié',
    backupSaved: '{{message}} (une copie du fichier a été enregistrée dans {{path}})',
  },
})
