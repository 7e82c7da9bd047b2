import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** The shell: the sidebar, the banners, the keyboard help's own keys and the page a web link that does not open the console shows. */
export const strings = defineStrings('shell', {
  en: {
    brand: 'Attendant',
    mainNav: 'Main',
    navTitle: '{{label}} ({{key}})',
    linkLost: 'Connection to the console lost — reconnecting…',
    everywhere: 'Everywhere',
    showView: 'Show {{view}}',
    'key.help': 'Show this list of keys',
    'key.zoom': 'Zoom in / out',
    'key.actualSize': 'Actual size',
    'key.dialClipboard': 'Dial the number in the clipboard, from any application',
    'refused.replacedTitle': 'This link no longer opens the console',
    'refused.missingTitle': 'This page needs the console’s link',
    'refused.replaced':
      'The console’s web link was replaced (in Admin, or from the command line), or this page belongs to a console started from another data folder. Nothing is done from this page until it has the current link.',
    'refused.missing': 'Web mode opens only through its link, which carries an access code. This browser has none for this console yet.',
    'refused.howTitle': 'To get the current link',
    'refused.terminal':
      'On the computer that runs the console, the window where <code>npm run web</code> was started shows it on a line of its own. It stays the same after a restart.',
    'refused.ask': 'Or ask whoever looks after the console: in <b>Admin → Web link</b> they can copy it for you.',
    'refused.bookmark': 'Open the link once in this browser; a bookmark of the page works from then on.',
    'refused.retry': 'Try again',
  },
  de: {
    brand: 'Attendant',
    mainNav: 'Hauptmenü',
    navTitle: '{{label}} ({{key}})',
    linkLost: 'Verbindung zur Konsole verloren — Verbindung wird wiederhergestellt …',
    everywhere: 'Überall',
    showView: '{{view}} anzeigen',
    'key.help': 'Diese Liste der Tasten anzeigen',
    'key.zoom': 'Vergrößern / verkleinern',
    'key.actualSize': 'Originalgröße',
    'key.dialClipboard': 'Die Nummer in der Zwischenablage wählen, aus jeder Anwendung',
    'refused.replacedTitle': 'Dieser Link öffnet die Konsole nicht mehr',
    'refused.missingTitle': 'Diese Seite braucht den Link der Konsole',
    'refused.replaced':
      'Der Web-Link der Konsole wurde ersetzt (in der Administration oder über die Kommandozeile), oder diese Seite gehört zu einer Konsole, die aus einem anderen Datenordner gestartet wurde. Von dieser Seite aus geschieht nichts, bis sie den aktuellen Link hat.',
    'refused.missing':
      'Der Web-Modus öffnet sich nur über seinen Link, der einen Zugangscode enthält. Dieser Browser hat noch keinen für diese Konsole.',
    'refused.howTitle': 'So erhalten Sie den aktuellen Link',
    'refused.terminal':
      'Auf dem Computer, auf dem die Konsole läuft, zeigt ihn das Fenster, in dem <code>npm run web</code> gestartet wurde, in einer eigenen Zeile. Er bleibt nach einem Neustart gleich.',
    'refused.ask': 'Oder fragen Sie, wer die Konsole betreut: Unter <b>Administration → Web-Link</b> kann der Link für Sie kopiert werden.',
    'refused.bookmark': 'Öffnen Sie den Link einmal in diesem Browser; danach funktioniert ein Lesezeichen der Seite.',
    'refused.retry': 'Erneut versuchen',
  },
  fr: {
    brand: 'Attendant',
    mainNav: 'Menu principal',
    navTitle: '{{label}} ({{key}})',
    linkLost: 'Connexion à la console perdue — reconnexion…',
    everywhere: 'Partout',
    showView: 'Afficher {{view}}',
    'key.help': 'Afficher cette liste de touches',
    'key.zoom': 'Zoom avant / arrière',
    'key.actualSize': 'Taille réelle',
    'key.dialClipboard': 'Composer le numéro du presse-papiers, depuis n’importe quelle application',
    'refused.replacedTitle': 'Ce lien n’ouvre plus la console',
    'refused.missingTitle': 'Cette page a besoin du lien de la console',
    'refused.replaced':
      'Le lien web de la console a été remplacé (dans Administration, ou en ligne de commande), ou cette page appartient à une console démarrée depuis un autre dossier de données. Rien n’est fait depuis cette page tant qu’elle n’a pas le lien actuel.',
    'refused.missing': 'Le mode web ne s’ouvre que par son lien, qui contient un code d’accès. Ce navigateur n’en a pas encore pour cette console.',
    'refused.howTitle': 'Pour obtenir le lien actuel',
    'refused.terminal':
      'Sur l’ordinateur qui exécute la console, la fenêtre où <code>npm run web</code> a été lancé l’affiche sur une ligne à part. Il reste le même après un redémarrage.',
    'refused.ask': 'Ou demandez à la personne qui gère la console : dans <b>Administration → Lien web</b>, elle peut le copier pour vous.',
    'refused.bookmark': 'Ouvrez le lien une fois dans ce navigateur ; un favori de la page fonctionne ensuite.',
    'refused.retry': 'Réessayer',
  },
})
