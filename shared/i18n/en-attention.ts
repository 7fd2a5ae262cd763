import type { Message } from './types.ts'

/** English strings of the attention features (summon, follow, presentation, laser, reactions); spread into the catalog by en.ts. */
export const enAttention = {
  'attention.summoned': '{name} brought everyone here',
  'attention.follow': 'Follow {name}',
  'attention.followShort': 'Follow',
  'attention.following': 'Following {name} — Esc to stop',
  'attention.stopFollowing': 'Stop following',
  'attention.presenting': '{name} presents — Esc to look around on your own',
  'attention.steppedOut': '{name} presents — you are looking around on your own',
  'attention.rejoin': 'Follow the presentation',
  'attention.youPresent': 'You are presenting: everyone follows your view',
  'attention.controls': 'Pointing and reactions',
  'attention.laser': 'Laser pointer',
  'attention.laserHint': 'Your pointer leaves a short red trail that everyone sees',
  'attention.react': 'React',
  'attention.reactions': 'Reactions',
  'attention.reactionBy': '{name}: {emoji}',
  'attention.reaction.thumbsUp': 'Thumbs up',
  'attention.reaction.heart': 'Heart',
  'attention.reaction.applause': 'Applause',
  'attention.reaction.laughing': 'Laughing',
  'attention.reaction.thinking': 'Thinking',
  'attention.reaction.done': 'Done',
} as const satisfies Record<string, Message>
