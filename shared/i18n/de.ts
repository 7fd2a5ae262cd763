import type { TranslationCatalog } from './languages.ts'

/**
 * German: formal „Sie“; Begriffe der Regionalplanung und Denkmalpflege — Akteur, Nutzung, Bereich (zone),
 * Rahmen, Verbindung (link), Zwischenstand (snapshot), Moderation, Teilnehmende, Punktabfrage,
 * kritische Masse, Belegung/Leerstand, Zwischennutzung → Pilotphase → Verstetigung, Kultur- und
 * Kreativwirtschaft, Absichtserklärung.
 */
export const de: TranslationCatalog = {
  // App chrome
  'app.name': 'Refresh Board',
  'app.tagline': 'Die Umnutzung von Industriedenkmalen gemeinsam und in Echtzeit entwickeln.',
  'app.skipToContent': 'Zum Hauptinhalt springen',
  'app.loading': 'Wird geladen …',
  'app.signOut': 'Abmelden',
  'app.signedInAs': 'Angemeldet als {name}',
  'app.guestBadge': 'Gast',
  'app.backToBoards': 'Alle Boards',
  'app.notFound.title': 'Seite nicht gefunden',
  'app.notFound.body': 'Unter dieser Adresse gibt es nichts. Prüfen Sie den Link oder kehren Sie zu Ihren Boards zurück.',
  'app.goHome': 'Zu Ihren Boards',
  'app.close': 'Schließen',
  'app.cancel': 'Abbrechen',
  'app.optional': 'optional',

  // Sign up / log in
  'auth.title': 'Willkommen',
  'auth.intro':
    'Erfassen Sie Akteure, Nutzungen und Phasen für eine leerstehende Mühle, Brauerei oder Fabrikhalle – mit allen Beteiligten an einem Tisch.',
  'auth.tabs': 'Anmelden oder Konto erstellen',
  'auth.logIn': 'Anmelden',
  'auth.signUp': 'Registrieren',
  'auth.email': 'E-Mail',
  'auth.password': 'Passwort',
  'auth.passwordHint': 'Mindestens 10 Zeichen.',
  'auth.displayName': 'Ihr Name',
  'auth.displayNameHint': 'Für andere auf den Boards sichtbar, denen Sie beitreten.',
  'auth.submitLogIn': 'Anmelden',
  'auth.submitSignUp': 'Konto erstellen',
  'auth.submitting': 'Bitte warten …',
  'auth.showPassword': 'Passwort anzeigen',
  'auth.signInToContinue': 'Melden Sie sich an, um dieses Board zu öffnen.',

  // Field validation
  'validation.required': 'Bitte füllen Sie dieses Feld aus.',
  'validation.email': 'Geben Sie eine E-Mail-Adresse wie name@example.org ein.',
  'validation.passwordLength': 'Das Passwort muss mindestens 10 Zeichen lang sein.',
  'validation.number': 'Geben Sie eine Zahl ein.',
  'validation.min': 'Geben Sie {min} oder mehr ein.',
  'validation.yearRange': 'Geben Sie ein Jahr zwischen {min} und {max} ein.',
  'validation.maxLength': 'Höchstens {max} Zeichen.',
  'validation.summary': {
    one: 'Bitte korrigieren Sie {count} Feld.',
    other: 'Bitte korrigieren Sie {count} Felder.',
  },

  // Board list
  'boards.title': 'Ihre Boards',
  'boards.search': 'Boards durchsuchen',
  'boards.searchPlaceholder': 'Titel, Standort oder Ort',
  'boards.count': { one: '{count} Board', other: '{count} Boards' },
  'boards.matching': { one: '{count} von {total} Boards passt', other: '{count} von {total} Boards passen' },
  'boards.empty.title': 'Noch keine Boards',
  'boards.empty.body': 'Legen Sie ein Board für einen Standort an, um Akteure, Nutzungen und Phasen zu erfassen.',
  'boards.noMatches': 'Kein Board passt zu „{query}“.',
  'boards.new': 'Neues Board',
  'boards.role': 'Ihre Rolle: {role}',
  'boards.updated': 'Geändert {time}',
  'boards.noSite': 'Noch kein Standortprofil',
  'boards.loadFailed': 'Die Boards konnten nicht geladen werden.',
  'boards.retry': 'Erneut versuchen',

  // New board form
  'newBoard.title': 'Neues Board',
  'newBoard.intro': 'Beschreiben Sie den Standort; das Profil können Sie später ergänzen.',
  'newBoard.boardTitle': 'Titel des Boards',
  'newBoard.boardTitlePlaceholder': 'z. B. Umnutzungsworkshop, Runde 1',
  'newBoard.siteSection': 'Standortprofil',
  'newBoard.submit': 'Board anlegen',
  'newBoard.submitting': 'Wird angelegt …',

  // Site profile fields
  'site.name': 'Name des Standorts',
  'site.namePlaceholder': 'z. B. Alte Brauerei',
  'site.location': 'Gemeinde oder Lage',
  'site.country': 'Land',
  'site.countryNone': 'Land auswählen',
  'site.countryGroup.central': 'Mitteleuropa',
  'site.countryGroup.other': 'Weitere Länder',
  'site.areaM2': 'Nutzfläche (m²)',
  'site.floorArea': 'Nutzfläche',
  'site.builtYear': 'Baujahr',
  'site.formerUse': 'Frühere Nutzung',
  'site.formerUsePlaceholder': 'z. B. Textilfabrik',
  'site.heritageStatus': 'Denkmalstatus',
  'site.condition': 'Bauzustand',
  'site.description': 'Beschreibung',
  'site.descriptionHint': 'Gebäude, Umfeld, Eigentumsverhältnisse, bisheriger Kenntnisstand.',
  'site.chooseOption': 'Auswählen …',
  'site.area': '{area} m²',

  // Joining through an invite link
  'join.title': 'Board beitreten',
  'join.intro': 'Sie wurden zu einem Workshop-Board eingeladen. Geben Sie den Namen ein, den die anderen sehen.',
  'join.displayName': 'Ihr Name',
  'join.submit': 'Beitreten',
  'join.submitting': 'Beitritt läuft …',
  'join.gone.title': 'Dieser Einladungslink funktioniert nicht mehr',
  'join.gone.body':
    'Er ist abgelaufen, wurde so oft wie erlaubt verwendet oder wurde widerrufen. Bitten Sie die Moderation des Workshops um einen neuen Link.',
  'join.notFound.title': 'Diesen Einladungslink gibt es nicht',
  'join.notFound.body': 'Prüfen Sie, ob die ganze Adresse kopiert wurde, oder bitten Sie um einen neuen Link.',

  // Board page
  'board.loading': 'Board wird geöffnet …',
  'board.yourRole': 'Ihre Rolle',
  'board.siteProfile': 'Standortprofil',
  'board.elements': 'Auf diesem Board',
  'board.elementTotal': { one: '{count} Element insgesamt', other: '{count} Elemente insgesamt' },
  'board.canvasComingSoon':
    'Hier öffnet sich die Arbeitsfläche für Akteure, Nutzungen und Phasen. Änderungen anderer erscheinen live.',
  'board.readOnly': 'Sie können dieses Board ansehen; Ihre Rolle erlaubt keine Änderungen.',
  'board.unavailable.title': 'Board nicht gefunden oder kein Zugriff',
  'board.unavailable.body':
    'Dieses Board existiert nicht, oder Ihr Konto hat keinen Zugriff darauf. Wenn Ihnen jemand den Link geschickt hat, bitten Sie diese Person um eine Einladung.',
  'board.loadFailed.title': 'Das Board konnte nicht geöffnet werden',
  'board.loadFailed.body': 'Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'board.removed.title': 'Sie wurden von diesem Board entfernt',
  'board.removed.body':
    'Die Moderation hat Sie von diesem Board entfernt, daher lässt es sich für Sie nicht mehr öffnen. Falls das ein Versehen war, bitten Sie um eine neue Einladung.',
  'board.rejected.reloaded':
    'Das Board wurde neu geladen: Der Server konnte eine Änderung aus diesem Browser nicht annehmen. Änderungen der letzten Augenblicke fehlen möglicherweise.',
  'board.rejected.title': 'Das Board konnte nicht neu geladen werden',
  'board.rejected.body':
    'Der Server lehnt Änderungen aus diesem Browser weiterhin ab. Laden Sie die Seite neu, um das Board wieder zu öffnen.',
  'board.rejected.reload': 'Seite neu laden',
  'board.roleChanged': 'Ihre Rolle auf diesem Board ist jetzt: {role}.',
  'board.header': 'Board',
  'board.sidebar': 'Details zum Board',

  // Connection state (shown with an icon and text, never colour alone)
  'connection.label': 'Verbindung',
  'connection.connecting': 'Verbindung wird hergestellt',
  'connection.connected': 'Verbunden',
  'connection.reconnecting': 'Verbindung wird wiederhergestellt',
  'connection.offline': 'Offline',
  'connection.offlineHint': 'Ihre Änderungen bleiben erhalten und werden gesendet, sobald die Verbindung wieder steht.',

  // Presence
  'presence.title': 'Anwesend',
  'presence.count': { one: '{count} Person anwesend', other: '{count} Personen anwesend' },
  'presence.you': '{name} (Sie)',
  'presence.youBadge': 'Sie',
  'presence.more': { one: '+{count} weitere', other: '+{count} weitere' },

  // Invites
  'invite.open': 'Einladen',
  'invite.title': 'Personen einladen',
  'invite.intro': 'Wer den Link hat, kann diesem Board als Gast mit der gewählten Rolle beitreten.',
  'invite.role': 'Rolle der Eingeladenen',
  'invite.expires': 'Link gültig für',
  'invite.expiresHours': { one: '{count} Stunde', other: '{count} Stunden' },
  'invite.expiresDays': { one: '{count} Tag', other: '{count} Tage' },
  'invite.create': 'Link erstellen',
  'invite.creating': 'Wird erstellt …',
  'invite.link': 'Einladungslink',
  'invite.copy': 'Link kopieren',
  'invite.copied': 'Link kopiert',
  'invite.expiresAt': 'Gültig bis {time}',
  'invite.qrLabel': 'QR-Code des Einladungslinks',
  'invite.showQr': 'Im Raum zeigen',
  'invite.roomTitle': 'Scannen und dem Board beitreten',
  'invite.roomRole': 'Sie treten bei als: {role}',
  'invite.active': 'Aktive Links',
  'invite.none': 'Noch keine aktiven Links.',
  'invite.revoke': 'Widerrufen',
  'invite.uses': { one: 'einmal verwendet', other: '{count}-mal verwendet' },
  'invite.usesOf': { one: '{count} von {max} Mal verwendet', other: '{count} von {max} Mal verwendet' },

  // API errors, by the contract's error codes
  'error.generic': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'error.network': 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.weak_password': 'Das Passwort muss mindestens 10 Zeichen lang sein.',
  'error.email_taken': 'Zu dieser E-Mail-Adresse gibt es bereits ein Konto. Möchten Sie sich anmelden?',
  'error.invalid_credentials': 'E-Mail-Adresse oder Passwort stimmen nicht.',
  'error.too_many_requests': 'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.',
  'error.too_many_requests_seconds': {
    one: 'Zu viele Versuche. Versuchen Sie es in {count} Sekunde erneut.',
    other: 'Zu viele Versuche. Versuchen Sie es in {count} Sekunden erneut.',
  },
  'error.too_many_requests_minutes': {
    one: 'Zu viele Versuche. Versuchen Sie es in {count} Minute erneut.',
    other: 'Zu viele Versuche. Versuchen Sie es in {count} Minuten erneut.',
  },
  'error.validation_failed': 'Einige Felder sind ungültig. Prüfen Sie sie und versuchen Sie es erneut.',
  'error.forbidden': 'Ihre Rolle auf diesem Board erlaubt das nicht.',
  'error.unauthorized': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'error.origin_mismatch': 'Diese Seite darf von ihrer aktuellen Adresse aus keine Änderungen am Server vornehmen.',
  'error.internal_error': 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  'error.unavailable': 'Der Server ist noch nicht bereit. Versuchen Sie es gleich noch einmal.',

  // Roles
  'enum.role.owner': 'Inhaber',
  'enum.role.facilitator': 'Moderator',
  'enum.role.editor': 'Bearbeiter',
  'enum.role.reviewer': 'Gutachter',
  'enum.role.viewer': 'Betrachter',

  // Element kinds
  'enum.elementKind.actor': 'Akteur',
  'enum.elementKind.use': 'Nutzung',
  'enum.elementKind.phase': 'Phase',
  'enum.elementKind.link': 'Verbindung',
  'enum.elementKind.note': 'Notiz',
  'enum.elementKind.zone': 'Bereich',
  'enum.elementKind.frame': 'Rahmen',
  'enum.elementKind.image': 'Bild',
  'enum.elementKindPlural.actor': 'Akteure',
  'enum.elementKindPlural.use': 'Nutzungen',
  'enum.elementKindPlural.phase': 'Phasen',
  'enum.elementKindPlural.link': 'Verbindungen',
  'enum.elementKindPlural.note': 'Notizen',
  'enum.elementKindPlural.zone': 'Bereiche',
  'enum.elementKindPlural.frame': 'Rahmen',
  'enum.elementKindPlural.image': 'Bilder',
  'enum.elementKindPlural.other': 'Sonstige',

  // Actor sector
  'enum.sector.creative': 'Kreativwirtschaft',
  'enum.sector.culture': 'Kultur',
  'enum.sector.commerce': 'Handel',
  'enum.sector.industry': 'Industrie',
  'enum.sector.services': 'Dienstleistungen',
  'enum.sector.gastronomy': 'Gastronomie',
  'enum.sector.tourism': 'Tourismus',
  'enum.sector.public': 'Öffentliche Hand',
  'enum.sector.heritage': 'Denkmalpflege',
  'enum.sector.education': 'Bildung und Forschung',
  'enum.sector.civil': 'Zivilgesellschaft',
  'enum.sector.residents': 'Anwohnerschaft',
  'enum.sector.owner': 'Eigentümer des Standorts',
  'enum.sector.investor': 'Investoren',

  // Creative and cultural subsector
  'enum.subsector.architecture': 'Architektur',
  'enum.subsector.visual_arts': 'Bildende Kunst',
  'enum.subsector.performing_arts': 'Darstellende Kunst',
  'enum.subsector.music': 'Musik',
  'enum.subsector.design_fashion': 'Design und Mode',
  'enum.subsector.crafts': 'Kunsthandwerk',
  'enum.subsector.audiovisual': 'Film und audiovisuelle Medien',
  'enum.subsector.games_software': 'Games und Software',
  'enum.subsector.publishing': 'Verlagswesen',
  'enum.subsector.heritage_museums': 'Kulturerbe und Museen',
  'enum.subsector.advertising': 'Werbung',
  'enum.subsector.festivals': 'Festivals',

  // Actor commitment
  'enum.commitment.idea': 'Idee',
  'enum.commitment.interested': 'Interessiert',
  'enum.commitment.loi': 'Absichtserklärung',
  'enum.commitment.precontract': 'Vorvertrag',
  'enum.commitment.signed': 'Unterzeichnet',

  // Actor stance
  'enum.stance.champion': 'Fürsprecher',
  'enum.stance.supporter': 'Unterstützer',
  'enum.stance.neutral': 'Neutral',
  'enum.stance.critic': 'Kritiker',
  'enum.stance.blocker': 'Blockierer',

  // Use category
  'enum.useCategory.studio': 'Ateliers',
  'enum.useCategory.makerspace': 'Makerspace',
  'enum.useCategory.coworking': 'Coworking',
  'enum.useCategory.events': 'Veranstaltungen',
  'enum.useCategory.exhibition': 'Ausstellung',
  'enum.useCategory.gastronomy': 'Gastronomie',
  'enum.useCategory.retail': 'Einzelhandel',
  'enum.useCategory.living': 'Wohnen',
  'enum.useCategory.education': 'Bildung',
  'enum.useCategory.production': 'Produktion',
  'enum.useCategory.services': 'Dienstleistungen',
  'enum.useCategory.visitor_centre': 'Besucherzentrum',
  'enum.useCategory.community': 'Gemeinschaftsräume',
  'enum.useCategory.storage': 'Lager',
  'enum.useCategory.green': 'Grünfläche',
  'enum.useCategory.leisure': 'Freizeit und Sport',
  'enum.useCategory.other': 'Sonstige',

  // Link relation
  'enum.relation.operates': 'betreibt',
  'enum.relation.uses': 'nutzt',
  'enum.relation.owns': 'besitzt',
  'enum.relation.funds': 'finanziert',
  'enum.relation.supplies': 'beliefert',
  'enum.relation.cooperates': 'kooperiert mit',
  'enum.relation.mentors': 'begleitet',
  'enum.relation.regulates': 'genehmigt',
  'enum.relation.supports': 'unterstützt',
  'enum.relation.conflicts': 'im Konflikt mit',
  'enum.relation.synergy': 'Synergie mit',
  'enum.relation.depends_on': 'hängt ab von',

  // Phase stage
  'enum.stage.analysis': 'Analyse',
  'enum.stage.interim': 'Zwischennutzung',
  'enum.stage.pilot': 'Pilotphase',
  'enum.stage.consolidation': 'Verstetigung',
  'enum.stage.longterm': 'Dauerhafte Nutzung',

  // Site heritage status
  'enum.heritageStatus.none': 'Nicht geschützt',
  'enum.heritageStatus.candidate': 'Denkmalwert in Prüfung',
  'enum.heritageStatus.local': 'Kommunal geschützt',
  'enum.heritageStatus.listed': 'Eingetragenes Baudenkmal',
  'enum.heritageStatus.ensemble': 'Teil eines Denkmalensembles',
  'enum.heritageStatus.world_heritage': 'UNESCO-Welterbe',

  // Site condition
  'enum.siteCondition.good': 'Gut',
  'enum.siteCondition.fair': 'Mittel',
  'enum.siteCondition.poor': 'Schlecht',
  'enum.siteCondition.ruinous': 'Ruinös',

  // Note colours
  'enum.noteColor.yellow': 'Gelb',
  'enum.noteColor.blue': 'Blau',
  'enum.noteColor.green': 'Grün',
  'enum.noteColor.pink': 'Rosa',
  'enum.noteColor.orange': 'Orange',
  'enum.noteColor.purple': 'Lila',
  'enum.noteColor.grey': 'Grau',

  // Use revenue model
  'enum.revenueModel.rent': 'Miete',
  'enum.revenueModel.tickets': 'Eintritt',
  'enum.revenueModel.sales': 'Verkauf',
  'enum.revenueModel.membership': 'Mitgliedsbeiträge',
  'enum.revenueModel.subsidy': 'Fördermittel',
  'enum.revenueModel.mixed': 'Gemischt',
  'enum.revenueModel.none': 'Keine Einnahmen',

  // Scene (card texts on the canvas)
  'scene.area': '{area} m²',
  'scene.actor.spaceNeed': '{area} m²',
  'scene.actor.commitmentStep': '{label} ({step}/5)',
  'scene.stance.champion': '++',
  'scene.stance.supporter': '+',
  'scene.stance.neutral': '=',
  'scene.stance.critic': '–',
  'scene.stance.blocker': '– –',
  'scene.use.noArea': 'Fläche offen',
  'scene.use.noZone': 'noch kein Bereich',
  'scene.use.missingZone': 'Bereich fehlt',
  'scene.phase.months': { one: '{count} Monat', other: '{count} Monate' },
  'scene.phase.refs': 'umfasst: {names}',
  'scene.phase.noRefs': 'noch nichts eingeplant',
  'scene.phase.more': '+{count}',
  'scene.phase.refCount': { one: 'umfasst {count} Element', other: 'umfasst {count} Elemente' },
  'scene.phase.missingRef': 'fehlt',
  'scene.zone.planned': '{area} m² geplant',
  'scene.zone.occupancy': '{area} m² geplant · {percent}',
  'scene.zone.overplanned': 'überbelegt',
  'scene.link.missingEnd': 'verbundenes Element fehlt',
  'scene.untitled': 'Ohne Titel',
  'scene.image.loading': 'Bild',
  // The legend of the card symbols
  'scene.legend.title': 'Legende',
  'scene.legend.open': 'Legende der Kartensymbole',
  'scene.legend.intro':
    'Was Farben, Markierungen und Muster auf den Karten bedeuten. Jedes Symbol ist auf seiner Karte auch benannt.',
  'scene.legend.sectors': 'Sektoren der Akteure (Band der Karte)',
  'scene.legend.commitment': 'Verbindlichkeit (Quadrate auf Akteurskarten)',
  'scene.legend.stance': 'Haltung (Markierung auf dem Band)',
  'scene.legend.categories': 'Nutzungsarten (Farbe, Muster, Symbol)',
  'scene.legend.stages': 'Phasen',
  'scene.legend.relations': 'Arten von Verbindungen',
  'scene.legend.oneWay': 'in eine Richtung',
  'scene.legend.bothWays': 'in beide Richtungen',
  'scene.legend.conflict': 'Konflikt: rot, gestrichelt',

  // Canvas
  'canvas.label': 'Arbeitsfläche des Boards',
  'canvas.description':
    'Ziehen Sie, um auszuwählen, und ziehen Sie Elemente, um sie zu verschieben. Scrollen oder zwei Finger spreizen zum Zoomen; Leertaste halten und ziehen, um die Ansicht zu verschieben. Shift+1 zeigt alles.',
  'canvas.readOnly': 'Nur Ansicht: Sie können sich umsehen und auswählen, aber nichts ändern.',
  'canvas.minimap': 'Übersichtskarte',
  'canvas.minimapHide': 'Übersichtskarte ausblenden',
  'canvas.minimapShow': 'Übersichtskarte einblenden',
  'canvas.zoomLevel': 'Zoom {percent} %',
  'canvas.editText': 'Text bearbeiten',
  'canvas.editTextHint': 'Strg+Enter speichert, Esc bricht ab',
  'canvas.connect': 'Ziehen zum Verbinden',

  // Defaults of new elements
  'canvas.new.actor': 'Neuer Akteur',
  'canvas.new.use': 'Neue Nutzung',
  'canvas.new.zone': 'Neuer Bereich',
  'canvas.new.frame': 'Rahmen',
  'canvas.new.phase': 'Neue Phase',
  'canvas.phase.inPast':
    'Diese Phase beginnt {start}, also vor dem aktuellen Monat: Auf der Zeitachse liegt sie in der Vergangenheit. Ziehen Sie sie nach rechts für spätere Monate.',

  // Tools
  'tool.select': 'Auswählen',
  'tool.pan': 'Hand (verschieben)',
  'tool.actor': 'Akteur',
  'tool.use': 'Nutzung',
  'tool.note': 'Notiz',
  'tool.zone': 'Bereich',
  'tool.frame': 'Rahmen',
  'tool.phase': 'Phase',
  'tool.link': 'Verbindung',

  // Actions
  'action.selectAll': 'Alles auswählen',
  'action.clearSelection': 'Auswahl aufheben',
  'action.deleteSelection': 'Löschen',
  'action.duplicate': 'Duplizieren',
  'action.copy': 'Kopieren',
  'action.cut': 'Ausschneiden',
  'action.paste': 'Einfügen',
  'action.bringForward': 'Eine Ebene nach vorn',
  'action.sendBackward': 'Eine Ebene nach hinten',
  'action.bringToFront': 'In den Vordergrund',
  'action.sendToBack': 'In den Hintergrund',
  'action.undo': 'Rückgängig',
  'action.redo': 'Wiederholen',
  'action.zoomIn': 'Vergrößern',
  'action.zoomOut': 'Verkleinern',
  'action.zoomToFit': 'An Fenster anpassen',
  'action.zoomToSelection': 'Auf Auswahl zoomen',
  'action.resetZoom': 'Zoom auf 100 %',
  'action.nudgeLeft': 'Nach links verschieben',
  'action.nudgeRight': 'Nach rechts verschieben',
  'action.nudgeUp': 'Nach oben verschieben',
  'action.nudgeDown': 'Nach unten verschieben',
  'action.editText': 'Text bearbeiten',
  'action.toggleMinimap': 'Übersichtskarte ein- oder ausblenden',

  // Key caps
  'key.ctrl': 'Strg',
  'key.shift': 'Shift',
  'key.delete': 'Entf',
  'key.backspace': 'Rücktaste',
  'key.escape': 'Esc',
  'key.enter': 'Enter',
  'key.space': 'Leertaste',
  'key.left': '←',
  'key.right': '→',
  'key.up': '↑',
  'key.down': '↓',
  'key.menu': 'Menü',

  // The shortcuts sheet
  'shortcuts.open': 'Tastenkürzel',
  'shortcuts.title': 'Tastenkürzel',
  'shortcuts.intro':
    'Tastenkürzel wirken auf dem Board. Solange Sie in einem Feld oder auf einer Karte schreiben oder ein Dialog offen ist, gehen die Tasten an Ihren Text.',
  'shortcuts.or': 'oder',
  'shortcuts.group.tools': 'Werkzeuge',
  'shortcuts.group.edit': 'Bearbeiten',
  'shortcuts.group.arrange': 'Anordnen',
  'shortcuts.group.view': 'Ansicht',
  'shortcuts.group.help': 'Hilfe',
  'shortcuts.singleKeys': 'Kürzel mit einer Taste',
  'shortcuts.singleKeysHint':
    'Buchstaben, Ziffern und Zeichen allein (etwa N, ? oder +). Schalten Sie sie aus, wenn Sie Spracheingabe nutzen oder Tasten versehentlich auslösen; Werkzeugleiste und diese Schaltfläche funktionieren weiterhin.',
  'shortcuts.off': 'aus',
  'shortcuts.hold': 'Leertaste halten und ziehen, um die Ansicht zu verschieben',
  'shortcuts.nudgeBig': 'Shift mit Pfeiltaste verschiebt um 10 px',
  'shortcuts.toolTooltip': '{name} — {hint}',

  // The context menu
  'contextMenu.label': 'Aktionen',
  'contextMenu.open': 'Kontextmenü öffnen',

  // Toolbar
  'workspace.toolbar': 'Werkzeuge',
  'workspace.tool.select': 'Auswählen',
  'workspace.tool.pan': 'Verschieben',
  'workspace.tool.actor': 'Akteur',
  'workspace.tool.use': 'Nutzung',
  'workspace.tool.link': 'Verbindung',
  'workspace.tool.phase': 'Phase',
  'workspace.tool.note': 'Notiz',
  'workspace.tool.zone': 'Bereich',
  'workspace.tool.frame': 'Rahmen',
  'workspace.tool.image': 'Bild',
  'workspace.tool.hint.select': 'Elemente auswählen und verschieben',
  'workspace.tool.hint.pan': 'Ziehen, um sich auf dem Board zu bewegen',
  'workspace.tool.hint.actor': 'Auf das Board klicken, um einen Akteur zu platzieren',
  'workspace.tool.hint.use': 'Auf das Board klicken, um eine Nutzung zu platzieren',
  'workspace.tool.hint.link': 'Von einem Element zu einem anderen ziehen, um sie zu verbinden',
  'workspace.tool.hint.phase': 'Auf der Zeitachse ziehen, um eine Phase anzulegen',
  'workspace.tool.hint.note': 'Auf das Board klicken, um eine Notiz zu platzieren',
  'workspace.tool.hint.zone': 'Auf dem Board ziehen, um einen Bereich des Standorts zu zeichnen',
  'workspace.tool.hint.frame': 'Auf dem Board ziehen, um einen Rahmen zu zeichnen',
  'workspace.tool.hint.image': 'Lageplan oder Foto hochladen (PNG, JPEG oder WebP)',
  'workspace.tool.tooltip': '{name} ({key}) — {hint}',
  'workspace.tool.active': 'aktiv',
  'workspace.undo': 'Rückgängig',
  'workspace.redo': 'Wiederholen',
  'workspace.undoHint': 'Ihre letzte Änderung rückgängig machen (Strg+Z)',
  'workspace.redoHint': 'Wiederholen (Strg+Shift+Z)',
  'workspace.history': 'Verlauf',
  // Phones: the header's menu and the side panel as a bottom sheet
  'workspace.headerMenu': 'Board-Menü',
  'workspace.sheet.expand': 'Mehr vom Seitenbereich zeigen',
  'workspace.sheet.shrink': 'Mehr vom Board zeigen',

  // Zoom
  'workspace.zoom': 'Zoom',
  'workspace.zoomIn': 'Vergrößern',
  'workspace.zoomOut': 'Verkleinern',
  'workspace.zoomFit': 'Ganzes Board',
  'workspace.zoomFitHint': 'Das ganze Board anzeigen',
  'workspace.zoomLevel': '{percent} %',
  'workspace.zoomReset': 'Zoom auf 100 %',

  // View only
  'workspace.viewOnly': 'Nur Ansicht',
  'workspace.viewOnlyHint': 'Sie können sich umsehen und jedes Element lesen; Ihre Rolle erlaubt keine Änderungen.',

  // Canvas area
  'workspace.canvasLoading': 'Board wird gezeichnet …',
  'workspace.canvasRegion': 'Arbeitsfläche des Boards',
  'workspace.dropImage': 'Bild hier ablegen, um es zu platzieren',

  // Inspector
  'inspector.title': 'Eigenschaften',
  'inspector.readOnly': 'Schreibgeschützt',
  'inspector.lockedHint': 'Die Moderation hat dieses Element gesperrt; nur Moderatoren können es ändern.',
  'inspector.selectionCount': { one: '{count} Element ausgewählt', other: '{count} Elemente ausgewählt' },
  'inspector.kindCount': '{count} × {kind}',
  'inspector.commonActions': 'Aktionen',
  'inspector.delete': 'Löschen',
  'inspector.deleteSelection': { one: '{count} Element löschen', other: '{count} Elemente löschen' },
  'inspector.bringToFront': 'In den Vordergrund',
  'inspector.sendToBack': 'In den Hintergrund',
  'inspector.zoomToSelection': 'Auf Auswahl zoomen',
  'inspector.clearSelection': 'Auswahl aufheben',
  'inspector.missing': 'Dieses Element wurde gelöscht.',
  'inspector.none': '— keine Angabe —',
  'inspector.notSet': 'Nicht angegeben',
  'inspector.saved': 'Gespeichert',
  'inspector.invalidNotSaved': 'Nicht gespeichert: Korrigieren Sie zuerst den Wert.',
  'inspector.refused': 'Die Änderung wurde nicht gespeichert: {reason}',
  'inspector.section.general': 'Allgemein',
  'inspector.section.details': 'Details',
  'inspector.section.translations': 'Übersetzungen',
  'inspector.section.schedule': 'Zeitplan',
  'inspector.section.stats': 'Auf diesem Board',
  'inspector.emptyHint': 'Wählen Sie ein Element auf dem Board aus, um es hier zu bearbeiten.',
  'inspector.emptyHintViewer': 'Wählen Sie ein Element auf dem Board aus, um hier seine Details zu lesen.',

  // Inspector fields
  'field.label': 'Name',
  'field.labelText': 'Text',
  'field.labelLink': 'Beschriftung',
  'field.sector': 'Sektor',
  'field.subsector': 'Kreativ- oder Kulturbereich',
  'field.country': 'Land',
  'field.spaceNeedM2': 'Flächenbedarf (m²)',
  'field.commitment': 'Verbindlichkeit',
  'field.stance': 'Haltung',
  'field.influence': 'Einfluss (1–5)',
  'field.interest': 'Interesse (1–5)',
  'field.legalForm': 'Rechtsform',
  'field.budgetEurM2Month': 'Budget (€ pro m² und Monat)',
  'field.horizon': 'Benötigt ab',
  'field.category': 'Nutzungsart',
  'field.areaM2': 'Fläche (m²)',
  'field.zone': 'Bereich',
  'field.publicAccess': 'Öffentlich zugänglich',
  'field.temporary': 'Zwischennutzung (befristet)',
  'field.revenueModel': 'Erlösmodell',
  'field.rentEurM2Month': 'Miete (€ pro m² und Monat)',
  'field.relation': 'Beziehung',
  'field.from': 'Von',
  'field.to': 'Zu',
  'field.stage': 'Phasentyp',
  'field.start': 'Startmonat',
  'field.end': 'Endmonat',
  'field.refs': 'Eingeplante Nutzungen und Akteure',
  'field.refsNone': 'Noch keine Nutzungen oder Akteure auf dem Board.',
  'field.color': 'Farbe',
  'field.alt': 'Beschreibung für Screenreader',
  'field.locked': 'Gesperrt',
  'field.lockedHint': 'Bearbeiter können ein gesperrtes Element weder verschieben noch ändern oder löschen.',
  'field.translation': 'Name auf {language}',
  'field.score': '{score} von 5',

  // Validation while typing (inspector)
  'validation.numberMin0': 'Geben Sie eine Zahl ab 0 ein.',
  'validation.numberAmbiguous': 'Meinten Sie {thousands} oder {decimal}?',
  'validation.score': 'Wählen Sie eine ganze Zahl von 1 bis 5.',
  'validation.month': 'Geben Sie einen Monat wie 2027-03 ein.',
  'validation.endBeforeStart': 'Das Ende darf nicht vor dem Beginn liegen.',
  'validation.labelLength': 'Höchstens 500 Zeichen.',
  'validation.invalid': 'Dieser Wert ist ungültig.',

  // Board summary (nothing selected)
  'summary.stats': 'Das Board auf einen Blick',
  'summary.plannedArea': 'Geplante Nutzfläche',
  'summary.plannedAreaValue': '{area} m² von {site} m²',
  'summary.plannedAreaOnly': '{area} m²',
  'summary.spaceNeed': 'Flächenbedarf der Akteure',
  'summary.committedActors': 'Akteure ab Absichtserklärung',
  'summary.timeline': 'Zeitraum',
  'summary.timelineValue': '{start} – {end}',

  // Presence additions
  'presence.goTo': 'Zu {name} springen',
  'presence.noCursor': '{name} zeigt gerade nicht auf das Board.',

  // Connection and permissions
  'connection.offlineKept': 'Offline – Änderungen bleiben erhalten und werden synchronisiert',
  'toast.dismiss': 'Schließen',
  'toast.region': 'Benachrichtigungen',

  // Images
  'image.choose': 'Bild auswählen',
  'image.uploading': '{name} wird hochgeladen … {percent} %',
  'image.uploaded': 'Bild auf dem Board platziert',
  'image.tooLarge': 'Das Bild ist größer als 10 MiB. Wählen Sie eine kleinere Datei.',
  'image.wrongType': 'Nur Bilder im Format PNG, JPEG oder WebP können hochgeladen werden.',
  'image.failed': 'Das Bild konnte nicht hochgeladen werden. {reason}',
  'image.defaultLabel': 'Bild',
  'image.cancel': 'Hochladen abbrechen',

  // Attention: summon, follow, presentation, laser, reactions
  'attention.summoned': '{name} hat alle hierher geholt',
  'attention.follow': '{name} folgen',
  'attention.followShort': 'Folgen',
  'attention.following': 'Sie folgen {name} – Esc zum Beenden',
  'attention.stopFollowing': 'Nicht mehr folgen',
  'attention.presenting': '{name} präsentiert – Esc, um sich selbst umzusehen',
  'attention.steppedOut': '{name} präsentiert – Sie sehen sich gerade selbst um',
  'attention.rejoin': 'Der Präsentation folgen',
  'attention.youPresent': 'Sie präsentieren: Alle folgen Ihrer Ansicht',
  'attention.controls': 'Zeigen und Reaktionen',
  'attention.laser': 'Laserpointer',
  'attention.laserHint': 'Ihr Zeiger hinterlässt eine kurze rote Spur, die alle sehen',
  'attention.react': 'Reagieren',
  'attention.reactions': 'Reaktionen',
  'attention.reactionBy': '{name}: {emoji}',
  'attention.reaction.thumbsUp': 'Daumen hoch',
  'attention.reaction.heart': 'Herz',
  'attention.reaction.applause': 'Applaus',
  'attention.reaction.laughing': 'Lachen',
  'attention.reaction.thinking': 'Nachdenken',
  'attention.reaction.done': 'Erledigt',

  // Side panel tabs
  'sidePanel.label': 'Seitenbereich des Boards',
  'sidePanel.tabs': 'Ansichten des Seitenbereichs',
  'sidePanel.tab.inspect': 'Eigenschaften',
  'sidePanel.tab.analysis': 'Analyse',
  'sidePanel.tab.snapshots': 'Zwischenstände',
  'sidePanel.collapse': 'Seitenbereich ausblenden',
  'sidePanel.expand': 'Seitenbereich einblenden',

  // Analysis panel
  'analysis.title': 'Analyse des Nutzungskonzepts',
  'analysis.intro': 'Wird bei jeder Änderung am Board live aktualisiert.',
  'analysis.empty.title': 'Noch nichts zu analysieren',
  'analysis.empty.body':
    'Fügen Sie Akteure und Nutzungen hinzu, um die Analyse zu sehen: Wer ist beteiligt, was könnte der Standort aufnehmen und was fehlt dem Konzept noch?',
  'analysis.empty.hintEditor':
    'Nutzen Sie links die Werkzeuge Akteur (A) und Nutzung (U) und verbinden Sie beide mit dem Werkzeug Verbindung (L).',
  'analysis.empty.hintViewer': 'Die Analyse erscheint, sobald die Gruppe Akteure und Nutzungen hinzufügt.',
  'analysis.showTable': 'Als Tabelle zeigen',
  'analysis.showChart': 'Als Diagramm zeigen',
  'analysis.table.item': 'Position',
  'analysis.table.value': 'Wert',
  'analysis.table.share': 'Anteil',
  'analysis.unit.m2': '{value} m²',
  'analysis.unit.count': '{value}',

  // Sector mix
  'analysis.sectors.title': 'Wer beteiligt ist',
  'analysis.sectors.summary': {
    one: '{count} Akteur aus {sectors} Sektoren',
    other: '{count} Akteure aus {sectors} Sektoren',
  },
  'analysis.sectors.summaryOne': {
    one: '{count} Akteur aus 1 Sektor',
    other: '{count} Akteure aus 1 Sektor',
  },
  'analysis.sectors.none': 'Noch keine Akteure.',
  'analysis.sectors.column': 'Sektor',
  'analysis.sectors.actors': 'Akteure',

  // Use mix
  'analysis.uses.title': 'Nutzungsmix nach Fläche',
  'analysis.uses.summary': 'Geplant: {area} in {count} Nutzungsarten',
  'analysis.uses.none': 'Noch keine Nutzung hat eine Fläche. Tragen Sie die Fläche (m²) jeder Nutzung in den Eigenschaften ein.',
  'analysis.uses.column': 'Nutzungsart',
  'analysis.uses.area': 'Fläche',

  // Area balance
  'analysis.area.title': 'Flächenbilanz',
  'analysis.area.planned': 'Geplante Nutzungen',
  'analysis.area.site': 'Standortfläche',
  'analysis.area.weighted': 'Gewichteter Bedarf',
  'analysis.area.demand': 'Genannter Bedarf (ungewichtet)',
  'analysis.area.ratio': '{percent} des Standorts sind verplant',
  'analysis.area.overPlanned': 'Überbelegt: {percent} der Standortfläche sind verplant',
  'analysis.area.noSite': 'Tragen Sie die Nutzfläche im Standortprofil ein, um sie mit der Planung zu vergleichen.',
  'analysis.area.demandCover': 'Der verbindliche Bedarf deckt {percent} der geplanten Fläche',
  'analysis.area.marker': '100 % des Standorts',
  'analysis.area.column': 'Kennzahl',
  'analysis.area.vacancy': 'Leerstand: {percent} des Standorts bleiben leer',
  'analysis.area.vacancyLabel': 'Leerstand (nicht verplante Standortfläche)',

  // Critical mass
  'analysis.creative.title': 'Kritische Masse der Kreativen',
  'analysis.creative.countOf': '{count} von {threshold}',
  'analysis.creative.reached': 'Erreicht',
  'analysis.creative.missing': {
    one: 'Noch {count} nötig',
    other: 'Noch {count} nötig',
  },
  'analysis.creative.detail': 'Akteure aus Kultur- und Kreativwirtschaft: {share} aller Akteure, {committed} verbindlich',
  'analysis.creative.threshold': 'Zielwert',
  'analysis.creative.thresholdHint': 'Einen Standardwert gibt es nicht: Legen Sie die Zahl fest, die Ihr Standort braucht.',
  'analysis.creative.thresholdSave': 'Festlegen',
  'analysis.creative.thresholdInvalid': 'Geben Sie eine ganze Zahl von 0 bis 1000 ein.',
  'analysis.creative.thresholdReadOnly': 'Zielwert {threshold} (von der Moderation festgelegt)',
  'analysis.creative.gaugeLabel': '{count} Akteure aus Kultur- und Kreativwirtschaft bei einem Zielwert von {threshold}',

  // Coverage, mix evenness
  'analysis.coverage.title': 'Nutzungen mit Betreiber',
  'analysis.coverage.value': {
    one: '{covered} von {count} Nutzung hat einen Betreiber',
    other: '{covered} von {count} Nutzungen haben einen Betreiber',
  },
  'analysis.coverage.none': 'Noch keine Nutzungen.',
  'analysis.evenness.title': 'Ausgewogenheit des Nutzungsmix',
  'analysis.evenness.value': 'Ausgewogenheit {value} über {count} Nutzungsarten',
  'analysis.evenness.single': 'Nur eine Nutzungsart: Ausgewogenheit 0',
  'analysis.evenness.none': 'Noch keine geplante Fläche.',
  'analysis.evenness.low': 'von einer Nutzung dominiert',
  'analysis.evenness.medium': 'gemischt mit klarem Schwerpunkt',
  'analysis.evenness.high': 'ausgewogene Mischung',
  'analysis.evenness.scaleLow': 'eine Nutzung',
  'analysis.evenness.scaleHigh': 'ausgewogen',

  // Stakeholder health
  'analysis.stakeholders.title': 'Rückhalt bei Stakeholdern',
  'analysis.stakeholders.health': '{supportive} von {keyPlayers} Schlüsselakteuren unterstützen das Projekt',
  'analysis.stakeholders.noKeyPlayers': 'Noch keine Schlüsselakteure (Einfluss und Interesse ab 4).',
  'analysis.stakeholders.blockers': {
    one: '{count} Blockierer',
    other: '{count} Blockierer',
  },
  'analysis.stakeholders.critics': {
    one: '{count} Kritiker',
    other: '{count} Kritiker',
  },
  'analysis.stakeholders.quadrants': 'Akteure je Quadrant der Einfluss-Interesse-Matrix',
  'analysis.stakeholders.quadrant.manageClosely': 'Eng einbinden',
  'analysis.stakeholders.quadrant.keepSatisfied': 'Zufriedenstellen',
  'analysis.stakeholders.quadrant.keepInformed': 'Informiert halten',
  'analysis.stakeholders.quadrant.monitor': 'Beobachten',
  'analysis.stakeholders.unplaced': {
    one: '{count} Akteur ohne Einfluss oder Interesse',
    other: '{count} Akteure ohne Einfluss oder Interesse',
  },

  // Combination figures
  'analysis.combination.title': 'Kombination',
  'analysis.combination.crossSectorLinks': 'Verbindungen Kreative ↔ etablierte Branchen',
  'analysis.combination.sharedUses': 'Gemeinsam genutzte Nutzungen',
  'analysis.combination.sectorsCommitted': 'Sektoren unter verbindlichen Akteuren',

  // Matrix
  'analysis.matrix.title': 'Kombinationsmatrix',
  'analysis.matrix.intro':
    'Verbindungen zwischen Sektoren der Akteure (Zeilen) und Nutzungsarten (Spalten). Wählen Sie eine Zelle, um ihre Verbindungen zu sehen.',
  'analysis.matrix.none': 'Verbinden Sie Akteure mit Nutzungen, um die Matrix zu füllen.',
  'analysis.matrix.corner': 'Sektor × Nutzung',
  'analysis.matrix.cell': {
    one: '{count} Verbindung: {sector} × {category}. Auf dem Board auswählen.',
    other: '{count} Verbindungen: {sector} × {category}. Auf dem Board auswählen.',
  },
  'analysis.matrix.selected': {
    one: '{count} Element ausgewählt',
    other: '{count} Elemente ausgewählt',
  },

  // Gaps
  'analysis.gaps.title': 'Was dem Konzept noch fehlt',
  'analysis.gaps.none': 'Keine Lücken: Jede Nutzung hat einen Betreiber und eine Phase, jeder Akteur eine Rolle.',
  'analysis.gaps.count': {
    one: '{count} Lücke',
    other: '{count} Lücken',
  },
  'analysis.gaps.zoomHint': 'Auf dem Board zeigen',
  'analysis.gaps.showAll': 'Alle {count} zeigen',
  'analysis.gaps.showFewer': 'Weniger zeigen',
  'analysis.gaps.group.combination-missing': 'Noch keine Kombination',
  'analysis.gaps.group.use-without-operator': 'Nutzungen ohne Betreiber',
  'analysis.gaps.group.actor-without-use': 'Akteure ohne Nutzung',
  'analysis.gaps.group.zone-overcommitted': 'Überbelegte Bereiche',
  'analysis.gaps.group.use-without-phase': 'Nutzungen ohne Phase',
  'analysis.gaps.group.link-dangling': 'Verbindungen zu fehlenden Elementen',
  'analysis.gaps.group.use-zone-missing': 'Nutzungen in einem fehlenden Bereich',
  'analysis.gaps.group.phase-ref-dangling': 'Phasen mit fehlenden Elementen',
  'analysis.gaps.sentence.combination-missing':
    'Noch arbeitet kein Akteur aus Kultur- oder Kreativwirtschaft mit einem etablierten Unternehmen zusammen: Verbinden Sie einen mit Handel, Industrie, Dienstleistungen, Gastronomie oder Tourismus, oder geben Sie beiden eine gemeinsame Nutzung',
  'analysis.gaps.sentence.use-without-operator': '{name} hat keinen Betreiber',
  'analysis.gaps.sentence.actor-without-use': '{name} ist mit keiner Nutzung verbunden',
  'analysis.gaps.sentence.zone-overcommitted': 'In {name} sind {planned} Nutzungen auf {supply} geplant',
  'analysis.gaps.sentence.use-without-phase': '{name} ist in keiner Phase eingeplant',
  'analysis.gaps.sentence.link-dangling': 'Einer Verbindung von {from} zu {to} fehlt ein Ende',
  'analysis.gaps.sentence.use-zone-missing': '{name} liegt in einem Bereich, den es nicht mehr gibt',
  'analysis.gaps.sentence.phase-ref-dangling': '{name} nennt ein Element, das es nicht mehr gibt',
  'analysis.gaps.missing': 'ein fehlendes Element',
  'analysis.gaps.unnamed': '{kind} ohne Namen',
  'analysis.gaps.notOnBoard': 'Dieses Element ist nicht mehr auf dem Board.',

  // Full screen (projecting the analysis to the room)
  'analysis.fullscreen.open': 'Vollbild',
  'analysis.fullscreen.openHint': 'Die Analyse im Vollbild und in großer Schrift zeigen, um sie im Raum zu projizieren',
  'analysis.fullscreen.close': 'Vollbild beenden (Esc)',
  'analysis.fullscreen.title': 'Analyse: {board}',

  // Combination matrix: present rows and columns, or all of them
  'analysis.matrix.showAll': 'Vollständige Matrix zeigen',
  'analysis.matrix.showPresent': 'Nur zeigen, was auf dem Board ist',
  'analysis.matrix.presentNote':
    '{sectors} von {allSectors} Sektoren und {categories} von {allCategories} Nutzungsarten sind auf dem Board.',
  'analysis.matrix.fullNote':
    'Alle {allSectors} Sektoren und {allCategories} Nutzungsarten; zu leeren Zeilen und Spalten gibt es noch keine Akteure oder Nutzungen.',

  // Critical mass: committed and merely interested apart
  'analysis.creative.split': '{committed} verbindlich (ab Absichtserklärung) · {interested} interessiert · {idea} nur Idee',
  'analysis.creative.legend.committed': 'verbindlich',
  'analysis.creative.legend.interested': 'interessiert',
  'analysis.creative.legend.idea': 'nur Idee',

  // Occupancy per phase
  'analysis.phases.title': 'Belegung je Phase',
  'analysis.phases.summary': {
    one: '{count} Phase im Phasenplan',
    other: '{count} Phasen im Phasenplan',
  },
  'analysis.phases.none':
    'Noch keine Phasen. Legen Sie Phasen mit dem Werkzeug Phase an und tragen Sie die Nutzungen ein, die darin starten.',
  'analysis.phases.column': 'Phase',
  'analysis.phases.months': '{start} – {end}',
  'analysis.phases.uses': {
    one: '{count} Nutzung',
    other: '{count} Nutzungen',
  },
  'analysis.phases.area': 'Geplante Fläche',
  'analysis.phases.occupancy': 'Anteil am Standort',
  'analysis.phases.noSite': 'keine Standortfläche',
  'analysis.phases.unnamed': '{stage} (ohne Namen)',

  // Timeline conflicts
  'analysis.conflicts.title': 'Konflikte im Zeitplan',
  'analysis.conflicts.none': 'Keine Nutzung startet, bevor ihr Betreiber verbindlich zugesagt hat.',
  'analysis.conflicts.count': {
    one: '{count} Nutzung startet zu früh',
    other: '{count} Nutzungen starten zu früh',
  },
  'analysis.conflicts.sentence.operator-uncommitted':
    '{use} startet in {phase} ({start}), aber {operators} hat noch nicht verbindlich zugesagt',
  'analysis.conflicts.sentence.operator-scheduled-later':
    '{use} startet in {phase} ({start}), bevor der verbindlich zugesagte Betreiber {operators} einsteigt',

  // Space per zone
  'analysis.zones.title': 'Fläche je Bereich',
  'analysis.zones.column': 'Bereich',
  'analysis.zones.supply': 'Fläche des Bereichs',
  'analysis.zones.planned': 'Geplant',
  'analysis.zones.occupancy': 'Belegung',
  'analysis.zones.noArea': 'keine Fläche',
  'analysis.zones.over': 'überbelegt',

  // Rent and viability
  'analysis.viability.title': 'Miete und Wirtschaftlichkeit',
  'analysis.viability.none':
    'Noch keine Nutzung hat eine Miete. Tragen Sie Miete (€/m² im Monat) und Fläche jeder Nutzung in den Eigenschaften ein.',
  'analysis.viability.income': 'Mieteinnahmen pro Jahr (bei Vollvermietung)',
  'analysis.viability.rentedArea': 'Vermietete Fläche',
  'analysis.viability.meanRent': 'Durchschnittliche Angebotsmiete',
  'analysis.viability.subsidyShare': 'Geplante Fläche mit Förderung',
  'analysis.viability.perM2Month': '{value} pro m² und Monat',
  'analysis.viability.affordable': '{affordable} von {count} Akteuren mit Budget können die Angebotsmiete zahlen',
  'analysis.viability.affordRow': '{actor}: Budget {budget}, Angebot {asking}',
  'analysis.viability.canPay': 'kann zahlen',
  'analysis.viability.cannotPay': 'kann nicht zahlen',
  'analysis.viability.missing':
    'Betriebskosten, Schuldendienst und Fördermittel sind noch nicht auf dem Board, daher werden Kostendeckung und Break-even nicht berechnet.',

  // Explanations: what each figure means and how it is computed
  'analysis.explain.toggle': 'Was bedeutet das?',
  'analysis.explain.how': 'So wird es berechnet:',
  'analysis.explain.gaps.meaning':
    'Was dem Konzept noch fehlt: Nutzungen ohne Betreiber, Akteure ohne Rolle, Bereiche mit mehr geplanter Fläche als vorhanden, Nutzungen ohne Phase, Verbindungen und Verweise auf nicht mehr vorhandene Elemente – und ob die Kreativszene überhaupt mit etablierten Unternehmen kombiniert ist.',
  'analysis.explain.gaps.how':
    'Eine Lücke je Element, das gegen eine Regel verstößt (eine Nutzung ohne „betreibt“-Verbindung von einem Akteur, ein Akteur ohne verbundene Nutzung, …), dazu eine für das ganze Board, wenn kein Akteur aus Kultur- oder Kreativwirtschaft mit einem Akteur etablierter Branchen verbunden ist und keine Nutzung von beiden geteilt wird. Kurzbericht und API zählen dieselben Lücken.',
  'analysis.explain.sectors.meaning':
    'Wer mit am Tisch sitzt, nach Sektor: Ein fehlender Sektor ist eine Partei, die noch niemand eingeladen hat.',
  'analysis.explain.sectors.how': 'Die Zahl der Akteurskarten je Sektor; der Anteil bezieht sich auf alle Akteure.',
  'analysis.explain.creative.meaning':
    'Ob der Standort auf eine eigene Kreativszene bauen kann: Kleinstädten und ländlichen Gemeinden fehlt oft diese kritische Masse. Erst verbindliche Zusagen sind mehr als guter Wille.',
  'analysis.explain.creative.how':
    'Akteure der Sektoren „Kreativwirtschaft“ und „Kultur“, gemessen am Zielwert der Moderation (einen Standard gibt es nicht). Verbindlich: Absichtserklärung, Vorvertrag oder unterzeichnet; interessiert: Verbindlichkeit „interessiert“; alle übrigen sind Ideen.',
  'analysis.explain.uses.meaning': 'Was der Standort aufnehmen würde, nach Fläche: der Nutzungsmix.',
  'analysis.explain.uses.how':
    'Die Flächen (m²) der Nutzungen, je Nutzungsart addiert; der Anteil bezieht sich auf die gesamte geplante Fläche.',
  'analysis.explain.area.meaning':
    'Ob die Planung auf den Standort passt (eine Belegung über 100 % ist überbelegt) und ob die Beteiligten so viel Fläche nachfragen.',
  'analysis.explain.area.how':
    'Belegung = geplante Fläche ÷ Standortfläche. Gewichteter Bedarf = Σ Flächenbedarf × Gewicht der Verbindlichkeit (Idee 0,1, interessiert 0,25, Absichtserklärung 0,5, Vorvertrag 0,8, unterzeichnet 1); er deckt die Planung zu gewichtetem Bedarf ÷ geplanter Fläche.',
  'analysis.explain.coverage.meaning': 'Wer was betreiben wird: Eine Nutzung ohne Betreiber ist noch ein Wunsch.',
  'analysis.explain.coverage.how':
    'Nutzungen mit mindestens einer „betreibt“-Verbindung von einem Akteur, bezogen auf alle Nutzungen.',
  'analysis.explain.evenness.meaning':
    'Wie ausgewogen der Nutzungsmix ist: 0 ist eine einzige Nutzung, 1 eine ausgewogene Mischung.',
  'analysis.explain.evenness.how':
    'Shannon-Evenness der Fläche über die k Nutzungsarten mit Fläche: −Σ pᵢ ln pᵢ ÷ ln k, wobei pᵢ der Anteil einer Nutzungsart an der geplanten Fläche ist.',
  'analysis.explain.stakeholders.meaning':
    'Ob diejenigen, die das Projekt ermöglichen oder verhindern können, auf seiner Seite stehen – und mit wem Sie zuerst sprechen sollten.',
  'analysis.explain.stakeholders.how':
    'Schlüsselakteure haben Einfluss und Interesse von 4 oder mehr; Rückhalt = Schlüsselakteure, die Fürsprecher oder Unterstützer sind ÷ alle Schlüsselakteure. Die Quadranten der Einfluss-Interesse-Matrix teilen bei 4.',
  'analysis.explain.combination.meaning':
    'Wie weit die Kreativszene mit Handel, Industrie, Dienstleistungen, Gastronomie und Tourismus kombiniert ist: die Verbindung, um die es im Projekt geht.',
  'analysis.explain.combination.how':
    'Verbindungen zwischen einem Akteur aus Kultur- oder Kreativwirtschaft und einem Akteur etablierter Branchen; Nutzungen, die mit beiden Arten von Akteuren verbunden sind; verschiedene Sektoren unter den verbindlichen Akteuren.',
  'analysis.explain.matrix.meaning':
    'Welche Sektoren mit welchen Nutzungsarten arbeiten: Dunkle Zellen sind starke Paarungen, leere noch unerprobt.',
  'analysis.explain.matrix.how':
    'Jede Zelle zählt die Verbindungen (jede Beziehung, jede Richtung) zwischen einem Akteur dieses Sektors und einer Nutzung dieser Art. Standardmäßig werden nur Sektoren und Nutzungsarten gezeigt, die auf dem Board vorkommen.',
  'analysis.explain.phases.meaning':
    'Wie viel des Standorts jede Phase des Phasenplans öffnet, z. B. die Zwischennutzung 45 %, die Pilotphase 40 %.',
  'analysis.explain.phases.how': 'Je Phase: die eingetragenen Nutzungen, ihre Flächen addiert und diese Fläche ÷ Standortfläche.',
  'analysis.explain.conflicts.meaning':
    'Nutzungen, die eingeplant sind, bevor ein künftiger Betreiber verbindlich zugesagt hat: Holen Sie zuerst eine Absichtserklärung ein oder verschieben Sie die Nutzung in eine spätere Phase.',
  'analysis.explain.conflicts.how':
    'Eine Nutzung startet mit der frühesten Phase (außer Analysephasen), in der sie eingetragen ist. Ein Konflikt liegt vor, wenn keiner ihrer Betreiber verbindlich ist oder wenn jeder verbindliche Betreiber erst in einem späteren Monat in den Phasenplan einsteigt.',
  'analysis.explain.zones.meaning': 'Ob jedes Gebäude bzw. jeder Bereich aufnehmen kann, was darin geplant ist.',
  'analysis.explain.zones.how': 'Je Bereich: die Fläche der darin platzierten Nutzungen ÷ die Fläche des Bereichs.',
  'analysis.explain.viability.meaning':
    'Was der Standort an Mieten einbringen würde, ob die Beteiligten die geforderte Miete zahlen können und wie viel davon von Förderung abhängt.',
  'analysis.explain.viability.how':
    'Mieteinnahmen = Σ Miete pro m² und Monat × Fläche × 12 über alle Nutzungen mit Miete; die Durchschnittsmiete ist flächengewichtet. Ein Akteur kann zahlen, wenn sein Budget pro m² ≥ der Angebotsmiete der Nutzungen ist, die er betreibt oder nutzt (sonst der Durchschnittsmiete). Förderanteil = Fläche geförderter Nutzungen ÷ geplante Fläche.',

  // Template picker (new-board form)
  'newBoard.template.legend': 'Starten mit',
  'newBoard.template.hint': 'Jede Vorlage legt die Rahmen einer Workshop-Methode an. Alles Weitere können Sie später hinzufügen.',
  'newBoard.template.blank.name': 'Leeres Board',
  'newBoard.template.blank.description': 'Ein leeres Board: Beginnen Sie mit eigenen Akteuren, Nutzungen und Notizen.',
  'newBoard.template.site-scan.name': 'Standortanalyse',
  'newBoard.template.site-scan.description': 'Kontextkarten, dann SWOT, dann TOWS-Strategien für einen möglichen Standort.',
  'newBoard.template.stakeholder-map.name': 'Akteurslandkarte',
  'newBoard.template.stakeholder-map.description':
    'Die Einfluss-Interesse-Matrix: jeden Akteur einordnen, seine Haltung festlegen.',
  'newBoard.template.needs-inventory.name': 'Bedarfserhebung',
  'newBoard.template.needs-inventory.description':
    'Was die Kreativszene braucht: m², Miete und wie sicher, nach Verbindlichkeit.',
  'newBoard.template.use-mix.name': 'Nutzungsmix im Lageplan',
  'newBoard.template.use-mix.description': 'Bereiche mit ihren Flächen; mögliche Nutzungen darauf verteilen.',
  'newBoard.template.combination-matrix.name': 'Kombinationsmatrix',
  'newBoard.template.combination-matrix.description':
    'Teilmärkte der Kreativwirtschaft × Handel, Industrie und Dienstleistungen: Paarungen finden.',
  'newBoard.template.phasing-roadmap.name': 'Phasenplan',
  'newBoard.template.phasing-roadmap.description': 'Analyse → Zwischennutzung → Pilotphase → Verstetigung → dauerhafte Nutzung.',
  'newBoard.template.business-model-canvas.name': 'Business Model Canvas',
  'newBoard.template.business-model-canvas.description': 'Die neun Felder des Geschäftsmodells des künftigen Betreibers.',
  'newBoard.template.textile-mill.name': 'Demo: Textilfabrik',
  'newBoard.template.textile-mill.description': 'Ein Beispiel mitten im Workshop, um das Board zu erkunden.',
}
