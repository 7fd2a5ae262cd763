import type { TranslationCatalog } from './languages.ts'

/**
 * Italiano: lavagna (board), attore (actor), funzione (use), zona, fase, collegamento (link) con
 * la sua relazione, nota, riquadro (frame), istantanea (snapshot), facilitatore, voto a punti,
 * punto dell'agenda, massa critica, occupazione della superficie, uso temporaneo, fase pilota,
 * consolidamento, settori creativi e tradizionali, lettera d'intenti; forma di cortesia: «tu».
 */
export const it: TranslationCatalog = {
  // Interfaccia generale
  'app.name': 'Refresh Board',
  'app.tagline': 'Progetta insieme e in tempo reale il riuso dei siti del patrimonio industriale.',
  'app.skipToContent': 'Vai al contenuto principale',
  'app.loading': 'Caricamento…',
  'app.signOut': 'Esci',
  'app.signedInAs': 'Accesso effettuato come {name}',
  'app.guestBadge': 'Ospite',
  'app.backToBoards': 'Tutte le lavagne',
  'app.notFound.title': 'Pagina non trovata',
  'app.notFound.body': 'A questo indirizzo non c’è nulla. Controlla il link o torna alle tue lavagne.',
  'app.goHome': 'Vai alle tue lavagne',
  'app.close': 'Chiudi',
  'app.cancel': 'Annulla',
  'app.optional': 'facoltativo',

  // Registrazione e accesso
  'auth.title': 'Benvenuto',
  'auth.intro':
    'Mappa attori, funzioni e fasi per un mulino, un birrificio o un capannone dismesso, con tutti gli interessati attorno al tavolo.',
  'auth.tabs': 'Accedi o crea un account',
  'auth.logIn': 'Accedi',
  'auth.signUp': 'Registrati',
  'auth.email': 'E-mail',
  'auth.password': 'Password',
  'auth.passwordHint': 'Almeno 10 caratteri.',
  'auth.displayName': 'Il tuo nome',
  'auth.displayNameHint': 'Visibile agli altri sulle lavagne a cui partecipi.',
  'auth.submitLogIn': 'Accedi',
  'auth.submitSignUp': 'Crea account',
  'auth.submitting': 'Attendere…',
  'auth.showPassword': 'Mostra password',
  'auth.signInToContinue': 'Accedi per aprire la lavagna.',

  // Validazione dei campi
  'validation.required': 'Compila questo campo.',
  'validation.email': 'Inserisci un indirizzo e-mail come nome@example.org.',
  'validation.passwordLength': 'La password deve avere almeno 10 caratteri.',
  'validation.number': 'Inserisci un numero.',
  'validation.min': 'Inserisci un valore pari o superiore a {min}.',
  'validation.yearRange': 'Inserisci un anno tra il {min} e il {max}.',
  'validation.maxLength': 'Usa al massimo {max} caratteri.',
  'validation.summary': {
    one: 'Correggi {count} campo.',
    many: 'Correggi {count} campi.',
    other: 'Correggi {count} campi.',
  },

  // Elenco delle lavagne
  'boards.title': 'Le tue lavagne',
  'boards.search': 'Cerca lavagne',
  'boards.searchPlaceholder': 'Titolo, sito o località',
  'boards.count': { one: '{count} lavagna', many: '{count} lavagne', other: '{count} lavagne' },
  'boards.matching': {
    one: '{count} lavagna su {total} corrisponde',
    many: '{count} lavagne su {total} corrispondono',
    other: '{count} lavagne su {total} corrispondono',
  },
  'boards.empty.title': 'Ancora nessuna lavagna',
  'boards.empty.body': 'Crea una lavagna per un sito e inizia a mappare attori, funzioni e fasi.',
  'boards.noMatches': 'Nessuna lavagna corrisponde a «{query}».',
  'boards.new': 'Nuova lavagna',
  'boards.role': 'Il tuo ruolo: {role}',
  'boards.updated': 'Aggiornata {time}',
  'boards.noSite': 'Profilo del sito non ancora compilato',
  'boards.loadFailed': 'Impossibile caricare le lavagne.',
  'boards.retry': 'Riprova',

  // Nuova lavagna
  'newBoard.title': 'Nuova lavagna',
  'newBoard.intro': 'Descrivi il sito; potrai completare il profilo in seguito.',
  'newBoard.boardTitle': 'Titolo della lavagna',
  'newBoard.boardTitlePlaceholder': 'es. Laboratorio sul riuso, 1° incontro',
  'newBoard.siteSection': 'Profilo del sito',
  'newBoard.submit': 'Crea lavagna',
  'newBoard.submitting': 'Creazione…',

  // Profilo del sito
  'site.name': 'Nome del sito',
  'site.namePlaceholder': 'es. Ex birrificio',
  'site.location': 'Comune o località',
  'site.country': 'Paese',
  'site.countryNone': 'Scegli un paese',
  'site.countryGroup.central': 'Europa centrale',
  'site.countryGroup.other': 'Altri paesi',
  'site.areaM2': 'Superficie lorda (m²)',
  'site.floorArea': 'Superficie lorda',
  'site.builtYear': 'Anno di costruzione',
  'site.formerUse': 'Uso originario',
  'site.formerUsePlaceholder': 'es. filanda',
  'site.heritageStatus': 'Regime di tutela',
  'site.condition': 'Stato di conservazione',
  'site.description': 'Descrizione',
  'site.descriptionHint': 'Edifici, contesto, proprietà, cosa si sa finora.',
  'site.chooseOption': 'Scegli…',
  'site.area': '{area} m²',

  // Partecipazione tramite link di invito
  'join.title': 'Partecipa a una lavagna',
  'join.intro': 'Sei stato invitato a una lavagna di laboratorio. Inserisci il nome che vedranno gli altri.',
  'join.displayName': 'Il tuo nome',
  'join.submit': 'Partecipa',
  'join.submitting': 'Accesso alla lavagna…',
  'join.gone.title': 'Questo link di invito non è più valido',
  'join.gone.body':
    'È scaduto, è stato usato il numero massimo di volte oppure è stato revocato. Chiedi un nuovo link al facilitatore del laboratorio.',
  'join.notFound.title': 'Questo link di invito non esiste',
  'join.notFound.body': 'Verifica di aver copiato l’indirizzo completo, oppure chiedi un nuovo link.',

  // Pagina della lavagna
  'board.loading': 'Apertura della lavagna…',
  'board.yourRole': 'Il tuo ruolo',
  'board.siteProfile': 'Profilo del sito',
  'board.elements': 'Su questa lavagna',
  'board.elementTotal': {
    one: '{count} elemento in totale',
    many: '{count} elementi in totale',
    other: '{count} elementi in totale',
  },
  'board.canvasComingSoon':
    'Qui si apre l’area di lavoro per attori, funzioni e fasi. Le modifiche degli altri compaiono in tempo reale.',
  'board.readOnly': 'Puoi consultare questa lavagna; il tuo ruolo non consente modifiche.',
  'board.unavailable.title': 'Lavagna non trovata o accesso non consentito',
  'board.unavailable.body':
    'Questa lavagna non esiste oppure il tuo account non può aprirla. Se qualcuno ti ha inviato il link, chiedigli un invito.',
  'board.loadFailed.title': 'Impossibile aprire la lavagna',
  'board.loadFailed.body': 'Controlla la connessione e riprova.',
  'board.removed.title': 'Sei stato rimosso da questa lavagna',
  'board.removed.body':
    'Un facilitatore ti ha rimosso da questa lavagna, che quindi non si apre più per te. Se si tratta di un errore, chiedigli di invitarti di nuovo.',
  'board.rejected.reloaded':
    'La lavagna è stata ricaricata: il server non ha potuto accettare una modifica da questo browser. Le modifiche degli ultimi istanti potrebbero mancare.',
  'board.rejected.title': 'Impossibile ricaricare la lavagna',
  'board.rejected.body':
    'Il server continua a rifiutare le modifiche da questo browser. Ricarica la pagina per riaprire la lavagna.',
  'board.rejected.reload': 'Ricarica la pagina',
  'board.roleChanged': 'Il tuo ruolo su questa lavagna ora è: {role}.',
  'board.header': 'Lavagna',
  'board.sidebar': 'Dettagli della lavagna',

  // Stato della connessione
  'connection.label': 'Connessione',
  'connection.connecting': 'Connessione in corso',
  'connection.connected': 'Connesso',
  'connection.reconnecting': 'Riconnessione',
  'connection.offline': 'Offline',
  'connection.offlineHint': 'Le tue modifiche vengono conservate e inviate quando torna la connessione.',

  // Presenze
  'presence.title': 'Presenti',
  'presence.count': {
    one: '{count} persona presente',
    many: '{count} persone presenti',
    other: '{count} persone presenti',
  },
  'presence.you': '{name} (tu)',
  'presence.youBadge': 'tu',
  'presence.more': { one: 'altri {count}', many: 'altri {count}', other: 'altri {count}' },

  // Inviti
  'invite.open': 'Invita',
  'invite.title': 'Invita persone',
  'invite.intro': 'Chiunque abbia il link può partecipare a questa lavagna come ospite, con il ruolo che scegli.',
  'invite.role': 'Ruolo di chi partecipa',
  'invite.expires': 'Link valido per',
  'invite.expiresHours': { one: '{count} ora', many: '{count} ore', other: '{count} ore' },
  'invite.expiresDays': { one: '{count} giorno', many: '{count} giorni', other: '{count} giorni' },
  'invite.create': 'Crea link',
  'invite.creating': 'Creazione…',
  'invite.link': 'Link di invito',
  'invite.copy': 'Copia link',
  'invite.copied': 'Link copiato',
  'invite.expiresAt': 'Valido fino a {time}',
  'invite.qrLabel': 'Codice QR del link di invito',
  'invite.showQr': 'Mostra alla sala',
  'invite.roomTitle': 'Inquadra il codice per partecipare alla lavagna',
  'invite.roomRole': 'Partecipi come: {role}',
  'invite.active': 'Link attivi',
  'invite.none': 'Ancora nessun link attivo.',
  'invite.revoke': 'Revoca',
  'invite.uses': { one: 'usato una volta', many: 'usato {count} volte', other: 'usato {count} volte' },
  'invite.usesOf': {
    one: 'usato {count} volta su {max}',
    many: 'usato {count} volte su {max}',
    other: 'usato {count} volte su {max}',
  },

  // Errori dell'API, per codice di errore
  'error.generic': 'Si è verificato un errore. Riprova.',
  'error.network': 'Il server non è raggiungibile. Controlla la connessione e riprova.',
  'error.weak_password': 'La password deve avere almeno 10 caratteri.',
  'error.email_taken': 'Esiste già un account con questo indirizzo e-mail. Vuoi accedere?',
  'error.invalid_credentials': 'E-mail o password non corretti.',
  'error.too_many_requests': 'Troppi tentativi. Attendi un momento e riprova.',
  'error.too_many_requests_seconds': {
    one: 'Troppi tentativi. Riprova tra {count} secondo.',
    many: 'Troppi tentativi. Riprova tra {count} secondi.',
    other: 'Troppi tentativi. Riprova tra {count} secondi.',
  },
  'error.too_many_requests_minutes': {
    one: 'Troppi tentativi. Riprova tra {count} minuto.',
    many: 'Troppi tentativi. Riprova tra {count} minuti.',
    other: 'Troppi tentativi. Riprova tra {count} minuti.',
  },
  'error.validation_failed': 'Alcuni campi non sono validi. Controllali e riprova.',
  'error.forbidden': 'Il tuo ruolo su questa lavagna non lo consente.',
  'error.unauthorized': 'La sessione è scaduta. Accedi di nuovo.',
  'error.origin_mismatch': 'Questa pagina non può modificare i dati sul server dal suo indirizzo attuale.',
  'error.internal_error': 'Si è verificato un errore sul server. Riprova.',
  'error.unavailable': 'Il server non è ancora pronto. Riprova tra un momento.',

  // Ruoli
  'enum.role.owner': 'Proprietario',
  'enum.role.facilitator': 'Facilitatore',
  'enum.role.editor': 'Editor',
  'enum.role.reviewer': 'Revisore',
  'enum.role.viewer': 'Osservatore',

  // Tipi di elemento
  'enum.elementKind.actor': 'Attore',
  'enum.elementKind.use': 'Funzione',
  'enum.elementKind.phase': 'Fase',
  'enum.elementKind.link': 'Collegamento',
  'enum.elementKind.note': 'Nota',
  'enum.elementKind.zone': 'Zona',
  'enum.elementKind.frame': 'Riquadro',
  'enum.elementKind.image': 'Immagine',
  'enum.elementKindPlural.actor': 'Attori',
  'enum.elementKindPlural.use': 'Funzioni',
  'enum.elementKindPlural.phase': 'Fasi',
  'enum.elementKindPlural.link': 'Collegamenti',
  'enum.elementKindPlural.note': 'Note',
  'enum.elementKindPlural.zone': 'Zone',
  'enum.elementKindPlural.frame': 'Riquadri',
  'enum.elementKindPlural.image': 'Immagini',
  'enum.elementKindPlural.other': 'Altro',

  // Settore dell'attore
  'enum.sector.creative': 'Industrie creative',
  'enum.sector.culture': 'Cultura',
  'enum.sector.commerce': 'Commercio',
  'enum.sector.industry': 'Industria',
  'enum.sector.services': 'Servizi',
  'enum.sector.gastronomy': 'Ristorazione',
  'enum.sector.tourism': 'Turismo',
  'enum.sector.public': 'Pubblica amministrazione',
  'enum.sector.heritage': 'Enti di tutela',
  'enum.sector.education': 'Istruzione e ricerca',
  'enum.sector.civil': 'Società civile',
  'enum.sector.residents': 'Residenti',
  'enum.sector.owner': 'Proprietà del sito',
  'enum.sector.investor': 'Investitori',

  // Sottosettore creativo e culturale
  'enum.subsector.architecture': 'Architettura',
  'enum.subsector.visual_arts': 'Arti visive',
  'enum.subsector.performing_arts': 'Arti performative',
  'enum.subsector.music': 'Musica',
  'enum.subsector.design_fashion': 'Design e moda',
  'enum.subsector.crafts': 'Artigianato artistico',
  'enum.subsector.audiovisual': 'Cinema e audiovisivo',
  'enum.subsector.games_software': 'Videogiochi e software',
  'enum.subsector.publishing': 'Editoria',
  'enum.subsector.heritage_museums': 'Patrimonio e musei',
  'enum.subsector.advertising': 'Pubblicità',
  'enum.subsector.festivals': 'Festival',

  // Impegno dell'attore
  'enum.commitment.idea': 'Idea',
  'enum.commitment.interested': 'Interessato',
  'enum.commitment.loi': 'Lettera d’intenti',
  'enum.commitment.precontract': 'Preliminare',
  'enum.commitment.signed': 'Firmato',

  // Posizione dell'attore
  'enum.stance.champion': 'Promotore',
  'enum.stance.supporter': 'Sostenitore',
  'enum.stance.neutral': 'Neutrale',
  'enum.stance.critic': 'Critico',
  'enum.stance.blocker': 'Oppositore',

  // Categoria di funzione
  'enum.useCategory.studio': 'Atelier e studi',
  'enum.useCategory.makerspace': 'Makerspace',
  'enum.useCategory.coworking': 'Coworking',
  'enum.useCategory.events': 'Eventi',
  'enum.useCategory.exhibition': 'Spazi espositivi',
  'enum.useCategory.gastronomy': 'Ristorazione',
  'enum.useCategory.retail': 'Commercio al dettaglio',
  'enum.useCategory.living': 'Residenza',
  'enum.useCategory.education': 'Formazione',
  'enum.useCategory.production': 'Produzione',
  'enum.useCategory.services': 'Servizi',
  'enum.useCategory.visitor_centre': 'Centro visitatori',
  'enum.useCategory.community': 'Spazio di comunità',
  'enum.useCategory.storage': 'Deposito',
  'enum.useCategory.green': 'Verde',
  'enum.useCategory.leisure': 'Tempo libero e sport',
  'enum.useCategory.other': 'Altro',

  // Relazione del collegamento
  'enum.relation.operates': 'gestisce',
  'enum.relation.uses': 'utilizza',
  'enum.relation.owns': 'è proprietario di',
  'enum.relation.funds': 'finanzia',
  'enum.relation.supplies': 'fornisce',
  'enum.relation.cooperates': 'collabora con',
  'enum.relation.mentors': 'fa da mentore a',
  'enum.relation.regulates': 'regola',
  'enum.relation.supports': 'sostiene',
  'enum.relation.conflicts': 'in conflitto con',
  'enum.relation.synergy': 'in sinergia con',
  'enum.relation.depends_on': 'dipende da',

  // Stadio della fase
  'enum.stage.analysis': 'Analisi',
  'enum.stage.interim': 'Uso temporaneo',
  'enum.stage.pilot': 'Fase pilota',
  'enum.stage.consolidation': 'Consolidamento',
  'enum.stage.longterm': 'Uso a lungo termine',

  // Regime di tutela del sito
  'enum.heritageStatus.none': 'Non tutelato',
  'enum.heritageStatus.candidate': 'Verifica in corso',
  'enum.heritageStatus.local': 'Tutela comunale',
  'enum.heritageStatus.listed': 'Bene vincolato',
  'enum.heritageStatus.ensemble': 'Parte di un complesso tutelato',
  'enum.heritageStatus.world_heritage': 'Patrimonio mondiale UNESCO',

  // Stato di conservazione
  'enum.siteCondition.good': 'Buono',
  'enum.siteCondition.fair': 'Discreto',
  'enum.siteCondition.poor': 'Cattivo',
  'enum.siteCondition.ruinous': 'Rudere',

  // Colori delle note
  'enum.noteColor.yellow': 'Giallo',
  'enum.noteColor.blue': 'Blu',
  'enum.noteColor.green': 'Verde',
  'enum.noteColor.pink': 'Rosa',
  'enum.noteColor.orange': 'Arancione',
  'enum.noteColor.purple': 'Viola',
  'enum.noteColor.grey': 'Grigio',

  // Modello di ricavo della funzione
  'enum.revenueModel.rent': 'Affitto',
  'enum.revenueModel.tickets': 'Biglietti',
  'enum.revenueModel.sales': 'Vendite',
  'enum.revenueModel.membership': 'Quote associative',
  'enum.revenueModel.subsidy': 'Contributi pubblici',
  'enum.revenueModel.mixed': 'Misto',
  'enum.revenueModel.none': 'Nessun ricavo',

  // Scena: testi sulle schede
  'scene.area': '{area} m²',
  'scene.actor.spaceNeed': '{area} m²',
  'scene.actor.commitmentStep': '{label} ({step}/5)',
  'scene.stance.champion': '++',
  'scene.stance.supporter': '+',
  'scene.stance.neutral': '=',
  'scene.stance.critic': '–',
  'scene.stance.blocker': '– –',
  'scene.use.noArea': 'superficie da definire',
  'scene.use.noZone': 'zona non ancora assegnata',
  'scene.use.missingZone': 'zona mancante',
  'scene.phase.months': { one: '{count} mese', many: '{count} mesi', other: '{count} mesi' },
  'scene.phase.refs': 'prevede: {names}',
  'scene.phase.noRefs': 'ancora nulla in programma',
  'scene.phase.more': '+{count}',
  'scene.phase.refCount': {
    one: 'prevede {count} elemento',
    many: 'prevede {count} elementi',
    other: 'prevede {count} elementi',
  },
  'scene.phase.missingRef': 'mancante',
  'scene.zone.planned': '{area} m² previsti',
  'scene.zone.occupancy': '{area} m² previsti · {percent}',
  'scene.zone.overplanned': 'sovrappianificata',
  'scene.link.missingEnd': 'elemento collegato mancante',
  'scene.untitled': 'Senza titolo',
  'scene.image.loading': 'Immagine',
  // Legenda dei simboli delle schede
  'scene.legend.title': 'Legenda',
  'scene.legend.open': 'Legenda dei simboli delle schede',
  'scene.legend.intro':
    'Cosa significano colori, segni e retini sulle schede. Ogni simbolo è anche indicato per nome sulla sua scheda.',
  'scene.legend.sectors': 'Settori degli attori (la fascia della scheda)',
  'scene.legend.commitment': 'Impegno (quadratini sulle schede degli attori)',
  'scene.legend.stance': 'Posizione (segno sulla fascia)',
  'scene.legend.categories': 'Categorie di funzione (colore, retino, icona)',
  'scene.legend.stages': 'Stadi delle fasi',
  'scene.legend.relations': 'Relazioni dei collegamenti',
  'scene.legend.oneWay': 'in un senso',
  'scene.legend.bothWays': 'in entrambi i sensi',
  'scene.legend.conflict': 'conflitto: rosso, tratteggiato',

  // Area di lavoro
  'canvas.label': 'Area di lavoro della lavagna',
  'canvas.description':
    'Trascina per selezionare, trascina gli elementi per spostarli. Scorri o avvicina le dita per lo zoom, tieni premuto Spazio e trascina per spostare la vista. Premi Shift+1 per vedere tutto.',
  'canvas.readOnly': 'Sola lettura: puoi esplorare e selezionare, non modificare.',
  'canvas.minimap': 'Minimappa',
  'canvas.minimapHide': 'Nascondi minimappa',
  'canvas.minimapShow': 'Mostra minimappa',
  'canvas.zoomLevel': 'Zoom {percent} %',
  'canvas.editText': 'Modifica testo',
  'canvas.editTextHint': 'Ctrl+Enter per salvare, Esc per annullare',
  'canvas.connect': 'Trascina per collegare',

  // Valori iniziali dei nuovi elementi
  'canvas.new.actor': 'Nuovo attore',
  'canvas.new.use': 'Nuova funzione',
  'canvas.new.zone': 'Nuova zona',
  'canvas.new.frame': 'Riquadro',
  'canvas.new.phase': 'Nuova fase',
  'canvas.phase.inPast':
    'Questa fase inizia a {start}, prima del mese corrente: sulla linea del tempo si trova nel passato. Trascinala a destra per i mesi successivi.',

  // Strumenti
  'tool.select': 'Seleziona',
  'tool.pan': 'Mano (sposta vista)',
  'tool.actor': 'Attore',
  'tool.use': 'Funzione',
  'tool.note': 'Nota',
  'tool.zone': 'Zona',
  'tool.frame': 'Riquadro',
  'tool.phase': 'Fase',
  'tool.link': 'Collegamento',

  // Azioni
  'action.selectAll': 'Seleziona tutto',
  'action.clearSelection': 'Annulla selezione',
  'action.deleteSelection': 'Elimina',
  'action.duplicate': 'Duplica',
  'action.copy': 'Copia',
  'action.cut': 'Taglia',
  'action.paste': 'Incolla',
  'action.bringForward': 'Porta avanti',
  'action.sendBackward': 'Porta indietro',
  'action.bringToFront': 'Porta in primo piano',
  'action.sendToBack': 'Porta in secondo piano',
  'action.undo': 'Annulla',
  'action.redo': 'Ripeti',
  'action.zoomIn': 'Aumenta zoom',
  'action.zoomOut': 'Riduci zoom',
  'action.zoomToFit': 'Adatta alla finestra',
  'action.zoomToSelection': 'Zoom sulla selezione',
  'action.resetZoom': 'Zoom al 100 %',
  'action.nudgeLeft': 'Sposta a sinistra',
  'action.nudgeRight': 'Sposta a destra',
  'action.nudgeUp': 'Sposta in alto',
  'action.nudgeDown': 'Sposta in basso',
  'action.editText': 'Modifica testo',
  'action.toggleMinimap': 'Mostra o nascondi la minimappa',

  // Tasti
  'key.ctrl': 'Ctrl',
  'key.shift': 'Shift',
  'key.delete': 'Delete',
  'key.backspace': 'Backspace',
  'key.escape': 'Esc',
  'key.enter': 'Enter',
  'key.space': 'Spazio',
  'key.left': '←',
  'key.right': '→',
  'key.up': '↑',
  'key.down': '↓',
  'key.menu': 'Menu',

  // Scorciatoie da tastiera
  'shortcuts.open': 'Scorciatoie da tastiera',
  'shortcuts.title': 'Scorciatoie da tastiera',
  'shortcuts.intro':
    'Le scorciatoie agiscono sulla lavagna. Mentre scrivi in un campo o in una scheda, o se è aperta una finestra di dialogo, i tasti servono a ciò che stai scrivendo.',
  'shortcuts.or': 'oppure',
  'shortcuts.group.tools': 'Strumenti',
  'shortcuts.group.edit': 'Modifica',
  'shortcuts.group.arrange': 'Disponi',
  'shortcuts.group.view': 'Visualizza',
  'shortcuts.group.help': 'Guida',
  'shortcuts.singleKeys': 'Scorciatoie a tasto singolo',
  'shortcuts.singleKeysHint':
    'Lettere, cifre e simboli da soli (come N, ? o +). Disattivale se usi la dettatura vocale o se i tasti scattano per sbaglio; la barra degli strumenti e questo pulsante restano attivi.',
  'shortcuts.off': 'disattivate',
  'shortcuts.hold': 'Tieni premuto Spazio e trascina per spostare la vista',
  'shortcuts.nudgeBig': 'Shift con una freccia sposta di 10 px',
  'shortcuts.toolTooltip': '{name} — {hint}',

  // Menu contestuale
  'contextMenu.label': 'Azioni',
  'contextMenu.open': 'Apri il menu contestuale',

  // Barra degli strumenti
  'workspace.toolbar': 'Strumenti',
  'workspace.tool.select': 'Seleziona',
  'workspace.tool.pan': 'Sposta',
  'workspace.tool.actor': 'Attore',
  'workspace.tool.use': 'Funzione',
  'workspace.tool.link': 'Collegamento',
  'workspace.tool.phase': 'Fase',
  'workspace.tool.note': 'Nota',
  'workspace.tool.zone': 'Zona',
  'workspace.tool.frame': 'Riquadro',
  'workspace.tool.image': 'Immagine',
  'workspace.tool.hint.select': 'Seleziona e sposta gli elementi',
  'workspace.tool.hint.pan': 'Trascina per muoverti sulla lavagna',
  'workspace.tool.hint.actor': 'Fai clic sulla lavagna per inserire un attore',
  'workspace.tool.hint.use': 'Fai clic sulla lavagna per inserire una funzione',
  'workspace.tool.hint.link': 'Trascina da un elemento all’altro per collegarli',
  'workspace.tool.hint.phase': 'Trascina sulla linea del tempo per disegnare una fase',
  'workspace.tool.hint.note': 'Fai clic sulla lavagna per inserire una nota',
  'workspace.tool.hint.zone': 'Trascina sulla lavagna per disegnare una zona del sito',
  'workspace.tool.hint.frame': 'Trascina sulla lavagna per disegnare un riquadro',
  'workspace.tool.hint.image': 'Carica una planimetria o una foto (PNG, JPEG o WebP)',
  'workspace.tool.tooltip': '{name} ({key}) — {hint}',
  'workspace.tool.active': 'attivo',
  'workspace.undo': 'Annulla',
  'workspace.redo': 'Ripeti',
  'workspace.undoHint': 'Annulla l’ultima modifica (Ctrl+Z)',
  'workspace.redoHint': 'Ripeti (Ctrl+Shift+Z)',
  'workspace.history': 'Cronologia',
  // Telefoni: menu dell'intestazione e pannello laterale a scomparsa
  'workspace.headerMenu': 'Menu della lavagna',
  'workspace.sheet.expand': 'Mostra più pannello',
  'workspace.sheet.shrink': 'Mostra più lavagna',

  // Zoom
  'workspace.zoom': 'Zoom',
  'workspace.zoomIn': 'Aumenta zoom',
  'workspace.zoomOut': 'Riduci zoom',
  'workspace.zoomFit': 'Adatta',
  'workspace.zoomFitHint': 'Mostra l’intera lavagna',
  'workspace.zoomLevel': '{percent} %',
  'workspace.zoomReset': 'Zoom al 100 %',

  // Sola lettura
  'workspace.viewOnly': 'Sola lettura',
  'workspace.viewOnlyHint': 'Puoi esplorare e leggere ogni elemento; il tuo ruolo non consente modifiche.',

  // Area di lavoro
  'workspace.canvasLoading': 'Disegno della lavagna…',
  'workspace.canvasRegion': 'Area di lavoro della lavagna',
  'workspace.dropImage': 'Rilascia l’immagine per inserirla qui',

  // Pannello delle proprietà
  'inspector.title': 'Proprietà',
  'inspector.readOnly': 'Sola lettura',
  'inspector.lockedHint': 'Un facilitatore ha bloccato questo elemento; solo i facilitatori possono modificarlo.',
  'inspector.selectionCount': {
    one: '{count} elemento selezionato',
    many: '{count} elementi selezionati',
    other: '{count} elementi selezionati',
  },
  'inspector.kindCount': '{count} × {kind}',
  'inspector.commonActions': 'Azioni',
  'inspector.delete': 'Elimina',
  'inspector.deleteSelection': {
    one: 'Elimina {count} elemento',
    many: 'Elimina {count} elementi',
    other: 'Elimina {count} elementi',
  },
  'inspector.bringToFront': 'Porta in primo piano',
  'inspector.sendToBack': 'Porta in secondo piano',
  'inspector.zoomToSelection': 'Zoom sulla selezione',
  'inspector.clearSelection': 'Annulla selezione',
  'inspector.missing': 'Questo elemento è stato eliminato.',
  'inspector.none': '— nessuno —',
  'inspector.notSet': 'Non indicato',
  'inspector.saved': 'Salvato',
  'inspector.invalidNotSaved': 'Non salvato: correggi prima il valore.',
  'inspector.refused': 'La modifica non è stata salvata: {reason}',
  'inspector.section.general': 'Generale',
  'inspector.section.details': 'Dettagli',
  'inspector.section.translations': 'Traduzioni',
  'inspector.section.schedule': 'Programmazione',
  'inspector.section.stats': 'Su questa lavagna',
  'inspector.emptyHint': 'Seleziona un elemento sulla lavagna per modificarlo qui.',
  'inspector.emptyHintViewer': 'Seleziona un elemento sulla lavagna per leggerne qui i dettagli.',

  // Campi delle proprietà
  'field.label': 'Nome',
  'field.labelText': 'Testo',
  'field.labelLink': 'Etichetta',
  'field.sector': 'Settore',
  'field.subsector': 'Ambito creativo o culturale',
  'field.country': 'Paese',
  'field.spaceNeedM2': 'Fabbisogno di spazio (m²)',
  'field.commitment': 'Impegno',
  'field.stance': 'Posizione',
  'field.influence': 'Influenza (1–5)',
  'field.interest': 'Interesse (1–5)',
  'field.legalForm': 'Forma giuridica',
  'field.budgetEurM2Month': 'Budget (€ al m² al mese)',
  'field.horizon': 'Necessario da',
  'field.category': 'Categoria',
  'field.areaM2': 'Superficie (m²)',
  'field.zone': 'Zona',
  'field.publicAccess': 'Aperto al pubblico',
  'field.temporary': 'Uso temporaneo',
  'field.revenueModel': 'Modello di ricavo',
  'field.rentEurM2Month': 'Canone (€ al m² al mese)',
  'field.relation': 'Relazione',
  'field.from': 'Da',
  'field.to': 'A',
  'field.stage': 'Stadio',
  'field.start': 'Mese di inizio',
  'field.end': 'Mese di fine',
  'field.refs': 'Funzioni e attori previsti',
  'field.refsNone': 'Ancora nessuna funzione o attore sulla lavagna.',
  'field.color': 'Colore',
  'field.alt': 'Descrizione per i lettori di schermo',
  'field.locked': 'Bloccato',
  'field.lockedHint': 'Gli editor non possono spostare, modificare o eliminare un elemento bloccato.',
  'field.translation': 'Nome in {language}',
  'field.score': '{score} su 5',

  // Validazione durante la digitazione
  'validation.numberMin0': 'Inserisci un numero pari o superiore a 0.',
  'validation.numberAmbiguous': 'Intendevi {thousands} o {decimal}?',
  'validation.score': 'Scegli un numero intero da 1 a 5.',
  'validation.month': 'Inserisci un mese nel formato 2027-03.',
  'validation.endBeforeStart': 'La fine non può precedere l’inizio.',
  'validation.labelLength': 'Usa al massimo 500 caratteri.',
  'validation.invalid': 'Questo valore non è valido.',

  // Riepilogo della lavagna (nessuna selezione)
  'summary.stats': 'La lavagna in sintesi',
  'summary.plannedArea': 'Superficie prevista per le funzioni',
  'summary.plannedAreaValue': '{area} m² su {site} m²',
  'summary.plannedAreaOnly': '{area} m²',
  'summary.spaceNeed': 'Fabbisogno di spazio degli attori',
  'summary.committedActors': 'Attori con almeno una lettera d’intenti',
  'summary.timeline': 'Linea del tempo',
  'summary.timelineValue': '{start} – {end}',

  // Presenze (aggiunte)
  'presence.goTo': 'Vai da {name}',
  'presence.noCursor': '{name} al momento non sta puntando sulla lavagna.',

  // Connessione e permessi
  'connection.offlineKept': 'Offline — le modifiche sono conservate e verranno sincronizzate',
  'toast.dismiss': 'Chiudi',
  'toast.region': 'Notifiche',

  // Immagini
  'image.choose': 'Scegli un’immagine',
  'image.uploading': 'Caricamento di {name}… {percent} %',
  'image.uploaded': 'Immagine inserita sulla lavagna',
  'image.tooLarge': 'L’immagine supera i 10 MiB. Scegli un file più piccolo.',
  'image.wrongType': 'Si possono caricare solo immagini PNG, JPEG e WebP.',
  'image.failed': 'Impossibile caricare l’immagine. {reason}',
  'image.defaultLabel': 'Immagine',
  'image.cancel': 'Annulla caricamento',

  // Attenzione: richiamo, segui, presentazione, puntatore laser, reazioni
  'attention.summoned': '{name} ha richiamato tutti qui',
  'attention.follow': 'Segui {name}',
  'attention.followShort': 'Segui',
  'attention.following': 'Stai seguendo {name} — Esc per smettere',
  'attention.stopFollowing': 'Smetti di seguire',
  'attention.presenting': '{name} sta presentando — Esc per muoverti da solo',
  'attention.steppedOut': '{name} sta presentando — ti stai muovendo da solo',
  'attention.rejoin': 'Segui la presentazione',
  'attention.youPresent': 'Stai presentando: tutti seguono la tua vista',
  'attention.controls': 'Puntatore e reazioni',
  'attention.laser': 'Puntatore laser',
  'attention.laserHint': 'Il tuo puntatore lascia una breve scia rossa visibile a tutti',
  'attention.react': 'Reagisci',
  'attention.reactions': 'Reazioni',
  'attention.reactionBy': '{name}: {emoji}',
  'attention.reaction.thumbsUp': 'Pollice in su',
  'attention.reaction.heart': 'Cuore',
  'attention.reaction.applause': 'Applauso',
  'attention.reaction.laughing': 'Risata',
  'attention.reaction.thinking': 'Riflessione',
  'attention.reaction.done': 'Fatto',

  // Schede del pannello laterale
  'sidePanel.label': 'Pannello della lavagna',
  'sidePanel.tabs': 'Viste del pannello',
  'sidePanel.tab.inspect': 'Proprietà',
  'sidePanel.tab.analysis': 'Analisi',
  'sidePanel.tab.snapshots': 'Istantanee',
  'sidePanel.collapse': 'Nascondi il pannello laterale',
  'sidePanel.expand': 'Mostra il pannello laterale',

  // Analisi
  'analysis.title': 'Analisi del progetto di riuso',
  'analysis.intro': 'Si aggiorna in tempo reale a ogni modifica della lavagna.',
  'analysis.empty.title': 'Ancora nulla da analizzare',
  'analysis.empty.body':
    'Aggiungi attori e funzioni per vedere l’analisi: chi partecipa, cosa potrebbe ospitare il sito e cosa manca ancora al progetto.',
  'analysis.empty.hintEditor':
    'Usa gli strumenti Attore (A) e Funzione (U) a sinistra, poi collegali con lo strumento Collegamento (L).',
  'analysis.empty.hintViewer': 'L’analisi compare non appena il gruppo aggiunge attori e funzioni.',
  'analysis.showTable': 'Mostra come tabella',
  'analysis.showChart': 'Mostra come grafico',
  'analysis.table.item': 'Voce',
  'analysis.table.value': 'Valore',
  'analysis.table.share': 'Quota',
  'analysis.unit.m2': '{value} m²',
  'analysis.unit.count': '{value}',

  // Composizione per settore
  'analysis.sectors.title': 'Chi partecipa',
  'analysis.sectors.summary': {
    one: '{count} attore di {sectors} settori',
    many: '{count} attori di {sectors} settori',
    other: '{count} attori di {sectors} settori',
  },
  'analysis.sectors.summaryOne': {
    one: '{count} attore di 1 settore',
    many: '{count} attori di 1 settore',
    other: '{count} attori di 1 settore',
  },
  'analysis.sectors.none': 'Ancora nessun attore.',
  'analysis.sectors.column': 'Settore',
  'analysis.sectors.actors': 'Attori',

  // Mix funzionale
  'analysis.uses.title': 'Mix funzionale per superficie',
  'analysis.uses.summary': 'Previsti: {area} in {count} tipi di funzione',
  'analysis.uses.none':
    'Nessuna funzione ha ancora una superficie. Inserisci la superficie (m²) di ogni funzione nel pannello Proprietà.',
  'analysis.uses.column': 'Tipo di funzione',
  'analysis.uses.area': 'Superficie',

  // Bilancio delle superfici
  'analysis.area.title': 'Bilancio delle superfici',
  'analysis.area.planned': 'Funzioni previste',
  'analysis.area.site': 'Superficie del sito',
  'analysis.area.weighted': 'Domanda ponderata',
  'analysis.area.demand': 'Domanda dichiarata (non ponderata)',
  'analysis.area.ratio': 'È prevista l’occupazione del {percent} del sito',
  'analysis.area.overPlanned': 'Sovrappianificato: è previsto il {percent} della superficie del sito',
  'analysis.area.noSite': 'Inserisci la superficie del sito nel profilo per confrontarla con il progetto.',
  'analysis.area.demandCover': 'La domanda confermata copre il {percent} della superficie prevista',
  'analysis.area.marker': '100 % del sito',
  'analysis.area.column': 'Dato',
  'analysis.area.vacancy': 'Sfitto: il {percent} del sito resta vuoto',
  'analysis.area.vacancyLabel': 'Sfitto (superficie del sito non assegnata)',

  // Massa critica
  'analysis.creative.title': 'Massa critica creativa',
  'analysis.creative.countOf': '{count} su {threshold}',
  'analysis.creative.reached': 'Raggiunta',
  'analysis.creative.missing': {
    one: 'ne manca ancora {count}',
    many: 'ne mancano ancora {count}',
    other: 'ne mancano ancora {count}',
  },
  'analysis.creative.detail': 'Attori creativi e culturali: {share} di tutti gli attori, {committed} impegnati',
  'analysis.creative.threshold': 'Obiettivo',
  'analysis.creative.thresholdHint': 'Non esiste uno standard: indica il numero di cui ha bisogno il tuo sito.',
  'analysis.creative.thresholdSave': 'Imposta',
  'analysis.creative.thresholdInvalid': 'Inserisci un numero intero da 0 a 1000.',
  'analysis.creative.thresholdReadOnly': 'Obiettivo {threshold} (fissato da un facilitatore)',
  'analysis.creative.gaugeLabel': '{count} attori creativi e culturali rispetto a un obiettivo di {threshold}',

  // Copertura, equilibrio del mix
  'analysis.coverage.title': 'Funzioni con un gestore',
  'analysis.coverage.value': {
    one: '{covered} funzione su {count} ha un gestore',
    many: '{covered} funzioni su {count} hanno un gestore',
    other: '{covered} funzioni su {count} hanno un gestore',
  },
  'analysis.coverage.none': 'Ancora nessuna funzione.',
  'analysis.evenness.title': 'Equilibrio del mix',
  'analysis.evenness.value': 'Equilibrio {value} su {count} tipi di funzione',
  'analysis.evenness.single': 'Un solo tipo di funzione: equilibrio 0',
  'analysis.evenness.none': 'Ancora nessuna superficie prevista.',
  'analysis.evenness.low': 'dominato da una funzione',
  'analysis.evenness.medium': 'un mix con una funzione prevalente',
  'analysis.evenness.high': 'un mix equilibrato',
  'analysis.evenness.scaleLow': 'una funzione',
  'analysis.evenness.scaleHigh': 'mix equilibrato',

  // Stato degli stakeholder
  'analysis.stakeholders.title': 'Stato degli stakeholder',
  'analysis.stakeholders.health': '{supportive} attori chiave su {keyPlayers} sostengono il progetto',
  'analysis.stakeholders.noKeyPlayers': 'Ancora nessun attore chiave (influenza e interesse pari o superiori a 4).',
  'analysis.stakeholders.blockers': {
    one: '{count} oppositore',
    many: '{count} oppositori',
    other: '{count} oppositori',
  },
  'analysis.stakeholders.critics': {
    one: '{count} critico',
    many: '{count} critici',
    other: '{count} critici',
  },
  'analysis.stakeholders.quadrants': 'Attori per quadrante della matrice influenza/interesse',
  'analysis.stakeholders.quadrant.manageClosely': 'Coinvolgere attivamente',
  'analysis.stakeholders.quadrant.keepSatisfied': 'Mantenere soddisfatti',
  'analysis.stakeholders.quadrant.keepInformed': 'Tenere informati',
  'analysis.stakeholders.quadrant.monitor': 'Monitorare',
  'analysis.stakeholders.unplaced': {
    one: '{count} attore senza influenza o interesse',
    many: '{count} attori senza influenza o interesse',
    other: '{count} attori senza influenza o interesse',
  },

  // Combinazione
  'analysis.combination.title': 'Combinazione',
  'analysis.combination.crossSectorLinks': 'Collegamenti settori creativi ↔ tradizionali',
  'analysis.combination.sharedUses': 'Funzioni condivise da entrambi',
  'analysis.combination.sectorsCommitted': 'Settori tra gli attori impegnati',

  // Matrice
  'analysis.matrix.title': 'Matrice delle combinazioni',
  'analysis.matrix.intro':
    'Collegamenti tra settori degli attori (righe) e tipi di funzione (colonne). Seleziona una cella per vederne i collegamenti.',
  'analysis.matrix.none': 'Collega attori e funzioni per riempire la matrice.',
  'analysis.matrix.corner': 'Settore × funzione',
  'analysis.matrix.cell': {
    one: '{count} collegamento: {sector} × {category}. Selezionalo sulla lavagna.',
    many: '{count} collegamenti: {sector} × {category}. Selezionali sulla lavagna.',
    other: '{count} collegamenti: {sector} × {category}. Selezionali sulla lavagna.',
  },
  'analysis.matrix.selected': {
    one: '{count} elemento selezionato',
    many: '{count} elementi selezionati',
    other: '{count} elementi selezionati',
  },

  // Lacune
  'analysis.gaps.title': 'Cosa manca ancora al progetto',
  'analysis.gaps.none': 'Nessuna lacuna: ogni funzione ha un gestore e una fase, ogni attore un ruolo.',
  'analysis.gaps.count': { one: '{count} lacuna', many: '{count} lacune', other: '{count} lacune' },
  'analysis.gaps.zoomHint': 'Mostra sulla lavagna',
  'analysis.gaps.showAll': 'Mostra tutte ({count})',
  'analysis.gaps.showFewer': 'Mostra meno',
  'analysis.gaps.group.combination-missing': 'Ancora nessuna combinazione',
  'analysis.gaps.group.use-without-operator': 'Funzioni senza gestore',
  'analysis.gaps.group.actor-without-use': 'Attori senza funzione',
  'analysis.gaps.group.zone-overcommitted': 'Zone sovraccariche',
  'analysis.gaps.group.use-without-phase': 'Funzioni fuori da ogni fase',
  'analysis.gaps.group.link-dangling': 'Collegamenti a elementi mancanti',
  'analysis.gaps.group.use-zone-missing': 'Funzioni in una zona mancante',
  'analysis.gaps.group.phase-ref-dangling': 'Fasi che citano elementi mancanti',
  'analysis.gaps.sentence.combination-missing':
    'Nessun attore creativo o culturale collabora ancora con un’impresa dei settori tradizionali: collegane uno a commercio, industria, servizi, ristorazione o turismo, oppure assegnate loro una funzione condivisa',
  'analysis.gaps.sentence.use-without-operator': '{name} non ha un gestore',
  'analysis.gaps.sentence.actor-without-use': '{name} non è collegato a nessuna funzione',
  'analysis.gaps.sentence.zone-overcommitted': '{name} ospita {planned} di funzioni su {supply}',
  'analysis.gaps.sentence.use-without-phase': '{name} non è prevista in nessuna fase',
  'analysis.gaps.sentence.link-dangling': 'Un collegamento da {from} a {to} ha perso un’estremità',
  'analysis.gaps.sentence.use-zone-missing': '{name} si trova in una zona che non esiste più',
  'analysis.gaps.sentence.phase-ref-dangling': '{name} cita un elemento che non esiste più',
  'analysis.gaps.missing': 'un elemento mancante',
  'analysis.gaps.unnamed': '{kind} senza nome',
  'analysis.gaps.notOnBoard': 'Questo elemento non è più sulla lavagna.',

  // Schermo intero (proiezione in sala)
  'analysis.fullscreen.open': 'Schermo intero',
  'analysis.fullscreen.openHint': 'Mostra l’analisi a schermo intero, a caratteri grandi, per proiettarla in sala',
  'analysis.fullscreen.close': 'Esci da schermo intero (Esc)',
  'analysis.fullscreen.title': 'Analisi: {board}',

  // Matrice: righe e colonne presenti o complete
  'analysis.matrix.showAll': 'Mostra la matrice completa',
  'analysis.matrix.showPresent': 'Mostra solo ciò che è sulla lavagna',
  'analysis.matrix.presentNote':
    'Sulla lavagna ci sono {sectors} settori su {allSectors} e {categories} tipi di funzione su {allCategories}.',
  'analysis.matrix.fullNote':
    'Tutti i {allSectors} settori e i {allCategories} tipi di funzione; le righe e le colonne vuote non hanno ancora attori o funzioni.',

  // Massa critica: impegnati e solo interessati
  'analysis.creative.split': '{committed} impegnati (almeno lettera d’intenti) · {interested} interessati · {idea} solo idea',
  'analysis.creative.legend.committed': 'impegnati',
  'analysis.creative.legend.interested': 'interessati',
  'analysis.creative.legend.idea': 'solo idea',

  // Occupazione per fase
  'analysis.phases.title': 'Occupazione per fase',
  'analysis.phases.summary': {
    one: '{count} fase nella roadmap',
    many: '{count} fasi nella roadmap',
    other: '{count} fasi nella roadmap',
  },
  'analysis.phases.none': 'Ancora nessuna fase. Aggiungi le fasi con lo strumento Fase ed elenca le funzioni che attivano.',
  'analysis.phases.column': 'Fase',
  'analysis.phases.months': '{start} – {end}',
  'analysis.phases.uses': { one: '{count} funzione', many: '{count} funzioni', other: '{count} funzioni' },
  'analysis.phases.area': 'Superficie prevista',
  'analysis.phases.occupancy': 'Quota del sito',
  'analysis.phases.noSite': 'superficie del sito mancante',
  'analysis.phases.unnamed': '{stage} (senza nome)',

  // Conflitti nella linea del tempo
  'analysis.conflicts.title': 'Conflitti nella linea del tempo',
  'analysis.conflicts.none': 'Nessuna funzione si attiva prima che il suo gestore si sia impegnato.',
  'analysis.conflicts.count': {
    one: '{count} funzione si attiva troppo presto',
    many: '{count} funzioni si attivano troppo presto',
    other: '{count} funzioni si attivano troppo presto',
  },
  'analysis.conflicts.sentence.operator-uncommitted':
    '{use} si attiva in {phase} ({start}), ma {operators} non si è ancora impegnato',
  'analysis.conflicts.sentence.operator-scheduled-later':
    '{use} si attiva in {phase} ({start}), prima che il gestore impegnato {operators} entri nella roadmap',

  // Spazio per zona
  'analysis.zones.title': 'Spazio per zona',
  'analysis.zones.column': 'Zona',
  'analysis.zones.supply': 'Superficie della zona',
  'analysis.zones.planned': 'Previsto',
  'analysis.zones.occupancy': 'Occupazione',
  'analysis.zones.noArea': 'senza superficie',
  'analysis.zones.over': 'sovrappianificata',

  // Canoni e sostenibilità economica
  'analysis.viability.title': 'Canoni e sostenibilità economica',
  'analysis.viability.none':
    'Nessuna funzione ha ancora un canone. Inserisci il canone (€/m² al mese) e la superficie di ogni funzione nel pannello Proprietà.',
  'analysis.viability.income': 'Ricavi da canoni all’anno (a pieno affitto)',
  'analysis.viability.rentedArea': 'Superficie locata',
  'analysis.viability.meanRent': 'Canone richiesto medio',
  'analysis.viability.subsidyShare': 'Superficie prevista con contributi pubblici',
  'analysis.viability.perM2Month': '{value} al m² al mese',
  'analysis.viability.affordable': '{affordable} attori su {count} con un budget possono pagare il canone richiesto',
  'analysis.viability.affordRow': '{actor}: budget {budget}, richiesto {asking}',
  'analysis.viability.canPay': 'può pagare',
  'analysis.viability.cannotPay': 'non può pagare',
  'analysis.viability.missing':
    'Costi di gestione, servizio del debito e contributi non sono ancora sulla lavagna, quindi copertura dei costi e punto di pareggio non vengono calcolati.',

  // Spiegazioni: significato e calcolo di ogni dato
  'analysis.explain.toggle': 'Che cosa significa?',
  'analysis.explain.how': 'Come si calcola:',
  'analysis.explain.gaps.meaning':
    'Cosa manca ancora al progetto: funzioni che nessuno gestisce, attori senza ruolo, zone con più funzioni previste di quante ne possano ospitare, funzioni fuori da ogni fase, collegamenti e riferimenti a elementi scomparsi e, del tutto, la combinazione della scena creativa con le imprese dei settori tradizionali.',
  'analysis.explain.gaps.how':
    'Una lacuna per ogni elemento che viola una regola (una funzione senza collegamento «gestisce» da un attore, un attore non collegato a nessuna funzione, …) più una per l’intera lavagna se nessun attore creativo o culturale è collegato a un attore dei settori tradizionali e nessuna funzione è condivisa da entrambi. Le schede di sintesi e l’API contano le stesse lacune.',
  'analysis.explain.sectors.meaning':
    'Chi siede al tavolo, per settore: un settore mancante è un interlocutore che nessuno ha ancora invitato.',
  'analysis.explain.sectors.how': 'Il numero di schede attore per settore; la quota è sul totale degli attori.',
  'analysis.explain.creative.meaning':
    'Se il sito può contare su una propria scena creativa: nei piccoli centri questa massa critica spesso manca. Solo gli attori impegnati sono più di una buona intenzione.',
  'analysis.explain.creative.how':
    'Attori dei settori «Industrie creative» e «Cultura», rispetto all’obiettivo fissato dal facilitatore (non esiste uno standard). Impegnati: lettera d’intenti, preliminare o firmato; interessati: impegno «interessato»; gli altri sono idee.',
  'analysis.explain.uses.meaning': 'Cosa ospiterebbe il sito, per superficie: il mix funzionale.',
  'analysis.explain.uses.how':
    'Le superfici (m²) delle funzioni, sommate per tipo di funzione; la quota è sul totale della superficie prevista.',
  'analysis.explain.area.meaning':
    'Se il progetto sta nel sito (un’occupazione oltre il 100 % è sovrappianificata) e se gli interessati chiedono davvero tanto spazio.',
  'analysis.explain.area.how':
    'Occupazione = superficie prevista ÷ superficie del sito. Domanda ponderata = Σ fabbisogno di spazio × peso dell’impegno (idea 0,1, interessato 0,25, lettera d’intenti 0,5, preliminare 0,8, firmato 1); copre il progetto per domanda ponderata ÷ superficie prevista.',
  'analysis.explain.coverage.meaning': 'Chi gestirà cosa: una funzione senza gestore è ancora un desiderio.',
  'analysis.explain.coverage.how': 'Funzioni con almeno un collegamento «gestisce» da un attore, sul totale delle funzioni.',
  'analysis.explain.evenness.meaning': 'Quanto è equilibrato il mix funzionale: 0 è una sola funzione, 1 un mix equilibrato.',
  'analysis.explain.evenness.how':
    'Equitabilità di Shannon della superficie sui k tipi di funzione che hanno una superficie: −Σ pᵢ ln pᵢ ÷ ln k, dove pᵢ è la quota di un tipo sulla superficie prevista.',
  'analysis.explain.stakeholders.meaning':
    'Se chi può far riuscire o fallire il progetto è dalla sua parte, e con chi parlare per primo.',
  'analysis.explain.stakeholders.how':
    'Gli attori chiave hanno influenza e interesse pari o superiori a 4; stato = attori chiave promotori o sostenitori ÷ attori chiave. I quadranti della matrice influenza/interesse si dividono a 4.',
  'analysis.explain.combination.meaning':
    'Quanto la scena creativa è combinata con commercio, industria, servizi, ristorazione e turismo: l’abbinamento al centro del progetto.',
  'analysis.explain.combination.how':
    'Collegamenti tra un attore creativo o culturale e un attore dei settori tradizionali; funzioni collegate a entrambi i tipi di attore; settori distinti tra gli attori impegnati.',
  'analysis.explain.matrix.meaning':
    'Quali settori lavorano con quali tipi di funzione: le celle scure sono abbinamenti forti, quelle vuote abbinamenti non ancora provati.',
  'analysis.explain.matrix.how':
    'Ogni cella conta i collegamenti (qualsiasi relazione, in entrambi i sensi) tra un attore di quel settore e una funzione di quel tipo. Per impostazione predefinita sono mostrati solo i settori e i tipi di funzione presenti sulla lavagna.',
  'analysis.explain.phases.meaning':
    'Quanta parte del sito attiva ogni stadio della roadmap, ad es. l’uso temporaneo il 45 %, la fase pilota il 40 %.',
  'analysis.explain.phases.how':
    'Per ogni fase: le funzioni che elenca, la somma delle loro superfici e tale superficie ÷ la superficie del sito.',
  'analysis.explain.conflicts.meaning':
    'Funzioni programmate prima che chi le gestirà si sia impegnato: ottieni prima una lettera d’intenti o sposta la funzione in una fase successiva.',
  'analysis.explain.conflicts.how':
    'Una funzione si attiva con la prima fase (esclusa l’analisi) che la elenca. È in conflitto se nessuno dei suoi gestori è impegnato, o se tutti i gestori impegnati entrano nella roadmap in un mese successivo.',
  'analysis.explain.zones.meaning': 'Se ogni edificio o zona può ospitare ciò che vi è previsto.',
  'analysis.explain.zones.how': 'Per ogni zona: la superficie delle funzioni collocate ÷ la superficie della zona.',
  'analysis.explain.viability.meaning':
    'Quanto renderebbe il sito in canoni, se gli interessati possono pagare quanto richiesto e quanto dipende da contributi pubblici.',
  'analysis.explain.viability.how':
    'Ricavi da canoni = Σ canone al m² al mese × superficie × 12 sulle funzioni con un canone; il canone medio è ponderato per superficie. Un attore può pagare se il suo budget al m² ≥ il canone richiesto delle funzioni che gestisce o utilizza (altrimenti il canone medio). Quota con contributi = superficie delle funzioni con contributi ÷ superficie prevista.',

  // Scelta del modello (nuova lavagna)
  'newBoard.template.legend': 'Parti da',
  'newBoard.template.hint':
    'Ogni modello predispone i riquadri di un metodo di laboratorio. Tutto il resto puoi aggiungerlo in seguito.',
  'newBoard.template.blank.name': 'Lavagna vuota',
  'newBoard.template.blank.description': 'Una lavagna vuota: inizia con attori, funzioni e note tue.',
  'newBoard.template.site-scan.name': 'Analisi del sito',
  'newBoard.template.site-scan.description': 'Schede di contesto, poi analisi SWOT, poi strategie TOWS per un sito candidato.',
  'newBoard.template.stakeholder-map.name': 'Mappa degli stakeholder',
  'newBoard.template.stakeholder-map.description':
    'La matrice influenza × interesse: colloca ogni attore e indicane la posizione.',
  'newBoard.template.needs-inventory.name': 'Censimento dei fabbisogni',
  'newBoard.template.needs-inventory.description':
    'Di cosa ha bisogno la scena creativa: m², canone e grado di certezza, per impegno.',
  'newBoard.template.use-mix.name': 'Mix funzionale sulla planimetria',
  'newBoard.template.use-mix.description': 'Zone con le loro superfici; spostaci sopra le funzioni candidate.',
  'newBoard.template.combination-matrix.name': 'Matrice delle combinazioni',
  'newBoard.template.combination-matrix.description':
    'Sottosettori creativi × commercio, industria e servizi: trova gli abbinamenti.',
  'newBoard.template.phasing-roadmap.name': 'Roadmap per fasi',
  'newBoard.template.phasing-roadmap.description': 'Analisi → uso temporaneo → fase pilota → consolidamento → lungo termine.',
  'newBoard.template.business-model-canvas.name': 'Business Model Canvas',
  'newBoard.template.business-model-canvas.description': 'I nove blocchi del modello di business del futuro gestore del sito.',
  'newBoard.template.textile-mill.name': 'Demo: filanda',
  'newBoard.template.textile-mill.description': 'Un esempio a metà di un laboratorio, per esplorare la lavagna.',
}
