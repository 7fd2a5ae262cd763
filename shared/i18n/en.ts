import { enAccess } from './en-access.ts'
import { enAnalysis } from './en-analysis.ts'
import { enAttention } from './en-attention.ts'
import { enCanvas } from './en-canvas.ts'
import { enCollections } from './en-collections.ts'
import { enComments } from './en-comments.ts'
import { enCompare } from './en-compare.ts'
import { enExport } from './en-export.ts'
import { enFacilitation } from './en-facilitation.ts'
import { enKeyboard } from './en-keyboard.ts'
import { enManage } from './en-manage.ts'
import { enMoney } from './en-money.ts'
import { enPrivate } from './en-private.ts'
import { enRefusals } from './en-refusals.ts'
import { enScene } from './en-scene.ts'
import { enSnapshots } from './en-snapshots.ts'
import { enStatement } from './en-statement.ts'
import { enStrategy } from './en-strategy.ts'
import { enTemplates } from './en-templates.ts'
import { enVote } from './en-vote.ts'
import { enWorkspace } from './en-workspace.ts'
import type { Message } from './types.ts'

/**
 * The English catalog: the source of every string the UI shows, and the fallback for other
 * languages. Keys are flat and grouped by prefix: `app.` chrome, `auth.`, `boards.`,
 * `newBoard.`, `site.`, `join.`, `board.`, `connection.`, `presence.`, `invite.`, `error.` (by API
 * error code), `enum.<enumeration>.<value>` (the board document's enumerations, for every view
 * that shows them). Placeholders: `{name}`; plural messages pick a form by `{count}`.
 */
export const en = {
  // App chrome
  'app.name': 'Refresh Board',
  'app.tagline': 'Co-design the reuse of industrial heritage sites, together and in real time.',
  'app.skipToContent': 'Skip to main content',
  'app.loading': 'Loading…',
  'app.signOut': 'Sign out',
  'app.signedInAs': 'Signed in as {name}',
  'app.guestBadge': 'Guest',
  'app.backToBoards': 'All boards',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'There is nothing at this address. Check the link, or go back to your boards.',
  'app.goHome': 'Go to your boards',
  'app.close': 'Close',
  'app.cancel': 'Cancel',
  'app.optional': 'optional',
  'app.language': 'Language',

  // Sign up / log in
  'auth.title': 'Welcome',
  'auth.intro': 'Map actors, uses and phases for a vacant mill, brewery or factory hall with everyone at the table.',
  'auth.tabs': 'Sign in or create an account',
  'auth.logIn': 'Log in',
  'auth.signUp': 'Sign up',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.passwordHint': 'At least 10 characters.',
  'auth.displayName': 'Your name',
  'auth.displayNameHint': 'Shown to others on the boards you join.',
  'auth.submitLogIn': 'Log in',
  'auth.submitSignUp': 'Create account',
  'auth.submitting': 'Please wait…',
  'auth.showPassword': 'Show password',
  'auth.signInToContinue': 'Sign in to open that board.',

  // Field validation
  'validation.required': 'Fill in this field.',
  'validation.email': 'Enter an email address like name@example.org.',
  'validation.passwordLength': 'The password needs at least 10 characters.',
  'validation.number': 'Enter a number.',
  'validation.min': 'Enter {min} or more.',
  'validation.yearRange': 'Enter a year between {min} and {max}.',
  'validation.maxLength': 'Use at most {max} characters.',
  'validation.summary': {
    one: 'Please correct {count} field.',
    other: 'Please correct {count} fields.',
  },

  // Board list
  'boards.title': 'Your boards',
  'boards.search': 'Search boards',
  'boards.searchPlaceholder': 'Title, site or place',
  'boards.count': { one: '{count} board', other: '{count} boards' },
  'boards.matching': { one: '{count} of {total} boards matches', other: '{count} of {total} boards match' },
  'boards.empty.title': 'No boards yet',
  'boards.empty.body': 'Create a board for a site to start mapping actors, uses and phases.',
  'boards.noMatches': 'No board matches “{query}”.',
  'boards.new': 'New board',
  'boards.role': 'Your role: {role}',
  'boards.updated': 'Updated {time}',
  'boards.noSite': 'No site profile yet',
  'boards.loadFailed': 'The boards could not be loaded.',
  'boards.retry': 'Try again',

  // New board form
  'newBoard.title': 'New board',
  'newBoard.intro': 'Describe the site; you can complete the profile later.',
  'newBoard.boardTitle': 'Board title',
  'newBoard.boardTitlePlaceholder': 'e.g. Reuse workshop, round 1',
  'newBoard.siteSection': 'Site profile',
  'newBoard.submit': 'Create board',
  'newBoard.submitting': 'Creating…',

  // Site profile fields
  'site.name': 'Site name',
  'site.namePlaceholder': 'e.g. Old brewery',
  'site.location': 'Town or location',
  'site.country': 'Country',
  'site.countryNone': 'Choose a country',
  'site.countryGroup.central': 'Central Europe',
  'site.countryGroup.other': 'Other countries',
  'site.areaM2': 'Floor area (m²)',
  'site.floorArea': 'Floor area',
  'site.builtYear': 'Year built',
  'site.formerUse': 'Former use',
  'site.formerUsePlaceholder': 'e.g. textile mill',
  'site.heritageStatus': 'Heritage status',
  'site.condition': 'Condition',
  'site.description': 'Description',
  'site.descriptionHint': 'Buildings, surroundings, ownership, what is known so far.',
  'site.chooseOption': 'Choose…',
  'site.area': '{area} m²',

  // Joining through an invite link
  'join.title': 'Join a board',
  'join.intro': 'You were invited to a workshop board. Enter the name the others will see.',
  'join.displayName': 'Your name',
  'join.submit': 'Join board',
  'join.submitting': 'Joining…',
  'join.gone.title': 'This invite link no longer works',
  'join.gone.body': 'It has expired, was used as often as allowed, or was revoked. Ask the workshop facilitator for a new link.',
  'join.notFound.title': 'This invite link does not exist',
  'join.notFound.body': 'Check that the whole address was copied, or ask for a new link.',

  // Board page
  'board.loading': 'Opening the board…',
  'board.yourRole': 'Your role',
  'board.siteProfile': 'Site profile',
  'board.elements': 'On this board',
  'board.elementTotal': { one: '{count} element in total', other: '{count} elements in total' },
  'board.canvasComingSoon': 'The canvas for actors, uses and phases opens here. Changes made by others appear live.',
  'board.readOnly': 'You can view this board; your role does not allow changes.',
  'board.unavailable.title': 'Board not found or no access',
  'board.unavailable.body':
    'This board does not exist, or your account may not open it. If someone sent you the link, ask them for an invite.',
  'board.loadFailed.title': 'The board could not be opened',
  'board.loadFailed.body': 'Check your connection and try again.',
  'board.removed.title': 'You were removed from this board',
  'board.removed.body':
    'A facilitator removed you from this board, so it no longer opens for you. If this was a mistake, ask them to invite you again.',
  'board.rejected.reloaded':
    'The board was reloaded: the server could not accept a change from this browser. Changes you made in the last moments may be missing.',
  'board.rejected.title': 'The board could not be reloaded',
  'board.rejected.body': 'The server keeps refusing changes from this browser. Reload the page to open the board again.',
  'board.rejected.reload': 'Reload the page',
  'board.roleChanged': 'Your role on this board is now: {role}.',
  'board.header': 'Board',
  'board.sidebar': 'Board details',

  // Connection state (shown with an icon and text, never colour alone)
  'connection.label': 'Connection',
  'connection.connecting': 'Connecting',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Reconnecting',
  'connection.limited': 'Too many connections — trying again shortly',
  'connection.offline': 'Offline',
  'connection.offlineHint': 'Your changes are kept and sent when the connection is back.',

  // Presence
  'presence.title': 'People here',
  'presence.count': { one: '{count} person here', other: '{count} people here' },
  'presence.you': '{name} (you)',
  'presence.youBadge': 'you',
  'presence.more': { one: '+{count} more', other: '+{count} more' },

  // Invites
  'invite.open': 'Invite',
  'invite.title': 'Invite people',
  'invite.intro': 'Anyone with the link can join this board as a guest with the role you choose.',
  'invite.role': 'Role for people joining',
  'invite.expires': 'Link valid for',
  'invite.expiresHours': { one: '{count} hour', other: '{count} hours' },
  'invite.expiresDays': { one: '{count} day', other: '{count} days' },
  'invite.create': 'Create link',
  'invite.creating': 'Creating…',
  'invite.link': 'Invite link',
  'invite.copy': 'Copy link',
  'invite.copied': 'Link copied',
  'invite.expiresAt': 'Valid until {time}',
  'invite.qrLabel': 'QR code of the invite link',
  'invite.showQr': 'Show to the room',
  'invite.roomTitle': 'Scan to join the board',
  'invite.roomRole': 'You join as: {role}',
  'invite.roles': 'What each role may do',
  'invite.roleHelp.facilitator': 'Runs the workshop: everything an editor does, plus invites, members and board settings.',
  'invite.roleHelp.editor': 'Adds and changes actors, uses, links, notes and zones on the board.',
  'invite.roleHelp.reviewer': 'Reads, comments and reviews; changes nothing else.',
  'invite.roleHelp.viewer': 'Reads the board; changes nothing.',
  'invite.active': 'Active links',
  'invite.none': 'No active links yet.',
  'invite.revoke': 'Revoke',
  'invite.uses': { one: 'used once', other: 'used {count} times' },
  'invite.usesOf': { one: 'used {count} of {max} times', other: 'used {count} of {max} times' },

  // API errors, by the contract's error codes
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.weak_password': 'The password needs at least 10 characters.',
  'error.email_taken': 'An account with this email exists already. Log in instead?',
  'error.invalid_credentials': 'The email or password is not right.',
  'error.too_many_requests': 'Too many attempts. Wait a moment and try again.',
  'error.too_many_requests_seconds': {
    one: 'Too many attempts. Try again in {count} second.',
    other: 'Too many attempts. Try again in {count} seconds.',
  },
  'error.too_many_requests_minutes': {
    one: 'Too many attempts. Try again in {count} minute.',
    other: 'Too many attempts. Try again in {count} minutes.',
  },
  'error.validation_failed': 'Some fields are not valid. Check them and try again.',
  'error.forbidden': 'Your role on this board does not allow this.',
  'error.unauthorized': 'Your session has ended. Please sign in again.',
  'error.origin_mismatch': 'This page may not change the server from its current address.',
  'error.internal_error': 'Something went wrong on the server. Please try again.',
  'error.unavailable': 'The server is not ready. Try again in a moment.',

  // Roles
  'enum.role.owner': 'Owner',
  'enum.role.facilitator': 'Facilitator',
  'enum.role.editor': 'Editor',
  'enum.role.reviewer': 'Reviewer',
  'enum.role.viewer': 'Viewer',

  // Element kinds
  'enum.elementKind.actor': 'Actor',
  'enum.elementKind.use': 'Use',
  'enum.elementKind.phase': 'Phase',
  'enum.elementKind.link': 'Link',
  'enum.elementKind.note': 'Note',
  'enum.elementKind.zone': 'Zone',
  'enum.elementKind.frame': 'Frame',
  'enum.elementKind.image': 'Image',
  'enum.elementKindPlural.actor': 'Actors',
  'enum.elementKindPlural.use': 'Uses',
  'enum.elementKindPlural.phase': 'Phases',
  'enum.elementKindPlural.link': 'Links',
  'enum.elementKindPlural.note': 'Notes',
  'enum.elementKindPlural.zone': 'Zones',
  'enum.elementKindPlural.frame': 'Frames',
  'enum.elementKindPlural.image': 'Images',
  'enum.elementKindPlural.other': 'Other',

  // Actor sector
  'enum.sector.creative': 'Creative industries',
  'enum.sector.culture': 'Culture',
  'enum.sector.commerce': 'Commerce',
  'enum.sector.industry': 'Industry',
  'enum.sector.services': 'Services',
  'enum.sector.gastronomy': 'Gastronomy',
  'enum.sector.tourism': 'Tourism',
  'enum.sector.public': 'Public sector',
  'enum.sector.heritage': 'Heritage bodies',
  'enum.sector.education': 'Education and research',
  'enum.sector.civil': 'Civil society',
  'enum.sector.residents': 'Residents',
  'enum.sector.owner': 'Site owner',
  'enum.sector.investor': 'Investor',

  // Creative and cultural subsector
  'enum.subsector.architecture': 'Architecture',
  'enum.subsector.visual_arts': 'Visual arts',
  'enum.subsector.performing_arts': 'Performing arts',
  'enum.subsector.music': 'Music',
  'enum.subsector.design_fashion': 'Design and fashion',
  'enum.subsector.crafts': 'Crafts',
  'enum.subsector.audiovisual': 'Film and audiovisual',
  'enum.subsector.games_software': 'Games and software',
  'enum.subsector.publishing': 'Publishing',
  'enum.subsector.heritage_museums': 'Heritage and museums',
  'enum.subsector.advertising': 'Advertising',
  'enum.subsector.festivals': 'Festivals',

  // Actor commitment
  'enum.commitment.idea': 'Idea',
  'enum.commitment.interested': 'Interested',
  'enum.commitment.loi': 'Letter of intent',
  'enum.commitment.precontract': 'Pre-contract',
  'enum.commitment.signed': 'Signed',

  // Actor stance
  'enum.stance.champion': 'Champion',
  'enum.stance.supporter': 'Supporter',
  'enum.stance.neutral': 'Neutral',
  'enum.stance.critic': 'Critic',
  'enum.stance.blocker': 'Blocker',

  // Use category
  'enum.useCategory.studio': 'Studios',
  'enum.useCategory.makerspace': 'Makerspace',
  'enum.useCategory.coworking': 'Coworking',
  'enum.useCategory.events': 'Events',
  'enum.useCategory.exhibition': 'Exhibition',
  'enum.useCategory.gastronomy': 'Gastronomy',
  'enum.useCategory.retail': 'Retail',
  'enum.useCategory.living': 'Living',
  'enum.useCategory.education': 'Education',
  'enum.useCategory.production': 'Production',
  'enum.useCategory.services': 'Services',
  'enum.useCategory.visitor_centre': 'Visitor centre',
  'enum.useCategory.community': 'Community space',
  'enum.useCategory.storage': 'Storage',
  'enum.useCategory.green': 'Green space',
  'enum.useCategory.leisure': 'Leisure and sport',
  'enum.useCategory.other': 'Other',

  // Link relation
  'enum.relation.operates': 'operates',
  'enum.relation.uses': 'uses',
  'enum.relation.owns': 'owns',
  'enum.relation.funds': 'funds',
  'enum.relation.supplies': 'supplies',
  'enum.relation.cooperates': 'cooperates with',
  'enum.relation.mentors': 'mentors',
  'enum.relation.regulates': 'regulates',
  'enum.relation.supports': 'supports',
  'enum.relation.conflicts': 'conflicts with',
  'enum.relation.synergy': 'synergy with',
  'enum.relation.depends_on': 'depends on',

  // Phase stage
  'enum.stage.analysis': 'Analysis',
  'enum.stage.interim': 'Interim use',
  'enum.stage.pilot': 'Pilot',
  'enum.stage.consolidation': 'Consolidation',
  'enum.stage.longterm': 'Long-term use',

  // Site heritage status
  'enum.heritageStatus.none': 'Not protected',
  'enum.heritageStatus.candidate': 'Under review',
  'enum.heritageStatus.local': 'Locally protected',
  'enum.heritageStatus.listed': 'Listed monument',
  'enum.heritageStatus.ensemble': 'Part of a protected ensemble',
  'enum.heritageStatus.world_heritage': 'World Heritage site',

  // Site condition
  'enum.siteCondition.good': 'Good',
  'enum.siteCondition.fair': 'Fair',
  'enum.siteCondition.poor': 'Poor',
  'enum.siteCondition.ruinous': 'Ruinous',

  // Note colours
  'enum.noteColor.yellow': 'Yellow',
  'enum.noteColor.blue': 'Blue',
  'enum.noteColor.green': 'Green',
  'enum.noteColor.pink': 'Pink',
  'enum.noteColor.orange': 'Orange',
  'enum.noteColor.purple': 'Purple',
  'enum.noteColor.grey': 'Grey',

  // Use revenue model
  'enum.revenueModel.rent': 'Rent',
  'enum.revenueModel.tickets': 'Tickets',
  'enum.revenueModel.sales': 'Sales',
  'enum.revenueModel.membership': 'Membership',
  'enum.revenueModel.subsidy': 'Subsidy',
  'enum.revenueModel.mixed': 'Mixed',
  'enum.revenueModel.none': 'No revenue',
  ...enScene,
  ...enCanvas,
  ...enKeyboard,
  ...enWorkspace,
  ...enComments,
  ...enAttention,
  ...enAnalysis,
  ...enMoney,
  ...enSnapshots,
  ...enRefusals,
  ...enAccess,
  ...enManage,
  ...enPrivate,
  ...enVote,
  ...enStatement,
  ...enFacilitation,
  ...enExport,
  ...enStrategy,
  ...enCompare,
  ...enCollections,
  ...enTemplates,
} as const satisfies Record<string, Message>

export type MessageKey = keyof typeof en
