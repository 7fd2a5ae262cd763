import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { methodNotAllowed } from 'hono/method-not-allowed'
import type { Storage } from 'unstorage'
import { canFacilitate } from '../shared/schema/roles.ts'
import type { AccessControl } from './access.ts'
import { analysisRoutes } from './analysis/analysis-routes.ts'
import { AuthService } from './auth/auth-service.ts'
import { authenticate } from './auth/authenticate.ts'
import { defaultLoginLimits, type LoginGate, loginThrottleFor } from './auth/login-throttle.ts'
import { createSessionManager } from './auth/lucia-sessions.ts'
import { PasswordReset } from './auth/password-reset.ts'
import { resetRoutes } from './auth/reset-routes.ts'
import { ResetTokenStore } from './auth/reset-tokens.ts'
import { authRoutes } from './auth/routes.ts'
import { UserStore } from './auth/user-store.ts'
import { historyRoutes } from './backup/history-routes.ts'
import { createAccessControl } from './boards/access-control.ts'
import { boardRoutes } from './boards/board-routes.ts'
import { BoardService } from './boards/board-service.ts'
import { BoardStore } from './boards/board-store.ts'
import { memberRoutes } from './boards/member-routes.ts'
import { boardMembers, MemberService } from './boards/member-service.ts'
import { pendingBoardRoutes } from './boards/pending-routes.ts'
import { requireBoardRole } from './boards/require-board-role.ts'
import { collectionRoutes, requireCollectionRole } from './collections/collection-routes.ts'
import { CollectionService } from './collections/collection-service.ts'
import { CollectionStore } from './collections/collection-store.ts'
import { commentRoutes } from './comments/comment-routes.ts'
import { CommentService } from './comments/comment-service.ts'
import type { Config } from './config.ts'
import { demoRoutes } from './demo/demo-routes.ts'
import { analyseBoard } from './export/analyse-board.ts'
import { exportRoutes } from './export/export-routes.ts'
import { BallotStore } from './facilitation/ballot-store.ts'
import { facilitationRoutes } from './facilitation/facilitation-routes.ts'
import { FacilitationService } from './facilitation/facilitation-service.ts'
import { PrivateNoteStore } from './facilitation/private-notes.ts'
import type { AppEnv } from './http/app-env.ts'
import { errorHandler, notFoundHandler, onMethodNotAllowed } from './http/error-handler.ts'
import { apiError } from './http/errors.ts'
import { type OperationsOptions, operationsRoutes } from './http/operations.ts'
import { originCheck } from './http/origin-check.ts'
import { apiRateLimit } from './http/rate-limit.ts'
import { requestLog } from './http/request-log.ts'
import { securityHeaders } from './http/security-headers.ts'
import { staticClient } from './http/static-client.ts'
import { imageRoutes } from './images/image-routes.ts'
import { ImageStore } from './images/image-store.ts'
import { boardInviteRoutes, joinRoutes } from './invites/invite-routes.ts'
import { InviteService } from './invites/invite-service.ts'
import { InviteStore } from './invites/invite-store.ts'
import type { Logger } from './logger.ts'
import { type Mailer, smtpMailer } from './mail/mailer.ts'
import type { Meters } from './metrics/meters.ts'
import { snapshotRoutes } from './snapshots/snapshot-routes.ts'
import { SnapshotService } from './snapshots/snapshot-service.ts'
import { SnapshotStore } from './snapshots/snapshot-store.ts'
import { healthz } from './storage/health-route.ts'
import type { BoardContent } from './sync/board-content.ts'

export interface AppDeps {
  config: Config
  logger: Logger
  storage: Storage
  content: BoardContent
  /** The built SPA; default `dist/client` beside `server/`. */
  clientDir?: string
  /** For tests: the clock and login limits. */
  now?: () => Date
  loginThrottle?: LoginGate
  /** For tests: the mailer; default SMTP_URL's, none without it. */
  mailer?: Mailer | null
  /** `/livez`, `/readyz` and `/metrics` (server.ts wires them; absent in REST-only harnesses) */
  operations?: OperationsOptions
  /** where the limits count what they refuse (/metrics) */
  meters?: Meters
}

/** The REST layer's services, for demo seeding and tests. */
export interface AppServices {
  auth: AuthService
  boards: BoardService
  collections: CollectionService
  invites: InviteService
  snapshots: SnapshotService
  passwordReset: PasswordReset
}

const defaultClientDir = fileURLToPath(new URL('../dist/client', import.meta.url))

/** Wires the HTTP app: middleware, routes, errors. The WebSocket upgrade is wired by server.ts. */
export function createApp(deps: AppDeps): { app: Hono<AppEnv>; access: AccessControl; services: AppServices } {
  const { config, logger, storage, content } = deps
  const now = deps.now ?? (() => new Date())
  const users = new UserStore(storage)
  const sessions = createSessionManager(storage, users, { secureCookie: config.publicOrigin?.startsWith('https:') ?? false })
  const auth = new AuthService(users, sessions, content, deps.loginThrottle ?? loginThrottleFor(storage, defaultLoginLimits), now)
  const inviteStore = new InviteStore(storage)
  const boards = new BoardService(new BoardStore(storage), content, inviteStore, auth, now)
  const snapshotStore = new SnapshotStore(storage)
  const loadSnapshotContent = async (boardId: string, snapshotId: string) =>
    (await snapshotStore.body(boardId, snapshotId))?.content ?? null
  const collections = new CollectionService(
    new CollectionStore(storage),
    boards,
    content,
    snapshotStore,
    loadSnapshotContent,
    inviteStore,
    auth,
    now,
  )
  const invites = new InviteService(inviteStore, boards, auth, content, now, collections)
  const members = new MemberService(boardMembers(boards, content), auth, now)
  const collectionMembers = new MemberService(collections.memberScope(), auth, now)
  const images = new ImageStore(storage)
  const snapshots = new SnapshotService(boards, content, snapshotStore, analyseBoard, now)
  const facilitation = new FacilitationService(
    boards,
    content,
    new BallotStore(storage),
    new PrivateNoteStore(storage),
    async (boardId) => {
      const ids = content.connectedUserIds(boardId)
      const people = await Promise.all(
        [...ids].map(async (id) => {
          const role = await boards.store.roleOf(boardId, id)
          const user = role && !canFacilitate(role) ? await auth.users.get(id) : null
          return user ? { userId: id, name: user.displayName } : null
        }),
      )
      return people.filter((p) => p !== null)
    },
  )
  const behindProxy = config.publicOrigin !== undefined
  const mailer = deps.mailer !== undefined ? deps.mailer : config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null
  const passwordReset = new PasswordReset(users, sessions, new ResetTokenStore(storage, now), content, mailer, logger, now)
  const comments = new CommentService(
    boards,
    async (boardId) => {
      const people = await Promise.all((await boards.store.memberIds(boardId)).map((id) => users.get(id)))
      return people.filter((p) => p !== null).map((p) => ({ userId: p.id, displayName: p.displayName }))
    },
    content,
    mailer ? { mailer, users, logger: logger.child({ component: 'comments' }), origin: config.publicOrigin ?? null } : null,
    now,
    config.limits.commentsPerBoard,
  )

  const app = new Hono<AppEnv>()
  app.use(requestLog(logger.child({ component: 'http' })))
  app.use(securityHeaders({ publicOrigin: config.publicOrigin }))
  app.use(
    '/api/*',
    apiRateLimit({
      perSecond: config.limits.apiRequestsPerSecond,
      burst: config.limits.apiRequestBurst,
      behindProxy,
      meters: deps.meters,
    }),
  )
  app.use(methodNotAllowed({ app, onMethodNotAllowed }))
  app.use(bodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => apiError(c, 'payload_too_large') }))
  app.use('/api/*', originCheck({ publicOrigin: config.publicOrigin }))
  app.use('/api/*', authenticate(auth))

  app.get('/healthz', healthz(storage))
  if (deps.operations) app.route('/', operationsRoutes(deps.operations))
  // public settings the client shows (the accessibility statement's contact and enforcement links)
  app.get('/api/config', (c) =>
    c.json({
      accessibilityContact: config.accessibilityContact,
      accessibilityEnforcementUrl: config.accessibilityEnforcementUrl,
    }),
  )
  app.route('/api/auth', authRoutes(auth, { behindProxy }))
  app.route('/api/auth', resetRoutes(passwordReset, { publicOrigin: config.publicOrigin }))
  // before boardRoutes: its export/json (with ?snapshot) replaces the live-only one there
  app.route('/api/boards', exportRoutes(snapshots, { images }))
  app.route('/api/boards', historyRoutes(boards, storage, content, { now, maxElements: config.limits.elementsPerBoard }))
  app.route('/api/boards', boardRoutes(boards, { maxElements: config.limits.elementsPerBoard }))
  app.route('/api/boards', snapshotRoutes(boards, snapshots))
  app.route('/api/boards', commentRoutes(boards, comments, { publicOrigin: config.publicOrigin }))
  app.route('/api/boards', boardInviteRoutes(invites, boards, { publicOrigin: config.publicOrigin }))
  app.route(
    '/api/boards',
    memberRoutes(members, (min) => requireBoardRole(boards, min)),
  )
  app.route('/api/boards', imageRoutes(boards, images))
  app.route('/api/boards', facilitationRoutes(boards, facilitation))
  app.route('/api/boards', analysisRoutes(boards, content, { loadSnapshotContent }))
  app.route('/api/boards', pendingBoardRoutes(boards))
  app.route('/api/collections', collectionRoutes(collections, invites, { publicOrigin: config.publicOrigin }))
  app.route(
    '/api/collections',
    memberRoutes(collectionMembers, (min) => requireCollectionRole(collections, min)),
  )
  app.route('/api/invites', joinRoutes(invites, auth))
  app.route('/api/demo', demoRoutes(auth, boards))
  app.use(staticClient(path.resolve(deps.clientDir ?? defaultClientDir)))

  app.notFound(notFoundHandler)
  app.onError(errorHandler(logger))

  return {
    app,
    access: createAccessControl(auth, boards),
    services: { auth, boards, collections, invites, snapshots, passwordReset },
  }
}
