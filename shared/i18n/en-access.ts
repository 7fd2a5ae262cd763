import type { Message } from './types.ts'

/**
 * English strings of getting in and getting back in: what an invite link is before joining,
 * the invite dialog's reachability warning, password reset, and the home page's introduction
 * and demo; spread into the catalog by en.ts.
 */
export const enAccess = {
  // The join page, read from GET /api/invites/:token before anyone types a name
  'join.checking': 'Checking the invite link…',
  'join.invitedBy': '{name} invited you to “{board}” as {role}.',
  'join.invitedTo': 'You are invited to “{board}” as {role}.',
  'join.validUntil': 'The link is valid until {time}.',
  'join.expired.title': 'This invite link has expired',
  'join.expired.body': 'The link to “{board}” from {name} was valid until {time}. Ask {name} for a new link.',
  'join.usedUp.title': 'This invite link is used up',
  'join.usedUp.body': 'The link to “{board}” from {name} was used as often as it allowed. Ask {name} for a new link.',
  'join.revoked.title': 'This invite link was withdrawn',
  'join.revoked.body': 'The person who created it revoked it. Ask the workshop facilitator for a new link.',
  'join.someone': 'the facilitator',
  // The invite dialog
  'invite.loopback.title': 'Phones and other computers cannot open these links',
  'invite.loopback.body':
    'The links point to {origin}, an address that only works on this computer. Start the server with HOST=0.0.0.0 and PUBLIC_ORIGIN set to an address the others can reach — for example PUBLIC_ORIGIN=http://192.168.1.20:8787, with this computer’s address in the local network — then create new links.',
  // Password reset
  'reset.forgot': 'Forgot your password?',
  'reset.request.title': 'Reset your password',
  'reset.request.intro': 'Enter the e-mail address of your account; we send you a link to choose a new password.',
  'reset.request.submit': 'Send the link',
  'reset.request.sent':
    'If an account uses {email}, a link to choose a new password is on its way. It works once, within an hour.',
  'reset.request.noMail':
    'This server cannot send e-mail. Ask whoever runs it for a reset link: they run {command} on the server.',
  'reset.backToSignIn': 'Back to sign-in',
  'reset.choose.title': 'Choose a new password',
  'reset.choose.intro': 'After the change, you are signed out everywhere; sign in again with the new password.',
  'reset.choose.password': 'New password',
  'reset.choose.submit': 'Set the new password',
  'reset.choose.done': 'Your password was changed, and every session of your account ended.',
  'reset.signIn': 'Sign in',
  'reset.requestAnother': 'Ask for a new link',
  'error.reset_link_invalid': 'This reset link has expired or was used already. Ask for a new one.',
  // The home page
  'home.intro.title': 'One board for the people who bring an old factory back to life',
  'home.intro.what':
    'Refresh Board is a shared, live workshop board. Facilitators and participants — in the room and remote — place who takes part (actors), what happens where and on how many m² (uses and zones), who operates, funds or uses what (links), and when (phases).',
  'home.intro.how':
    'The board shows at once whether the mix holds: space, gaps and a timeline. The result stays as a document for the regional strategy, with snapshots of every round.',
  'home.intro.pictureAlt': 'A workshop board for a former textile mill: actors, uses, zones and phases linked on one canvas',
  'home.demo.open': 'Open the demo board',
  'home.demo.copy': 'Make a personal copy',
  'home.demo.copying': 'Copying…',
  'home.demo.copyTitle': 'My copy of {title}',
  'home.demo.readOnly': 'The demo opens read-only; a copy is yours to change.',
  'home.demo.signInFirst': 'Sign in or create an account to open the demo board.',
} as const satisfies Record<string, Message>
