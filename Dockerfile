# Refresh Board: one server instance (app, JSON API and real-time sync on one port).
#
#   docker build -t refresh-board .
#   docker run -p 8787:8787 -v refresh-board-data:/data refresh-board
#
# The server runs from its TypeScript sources through tsx, as `npm start` does; the client is
# built here once, in the build stage. tests/integration/production-install.test.ts reads this
# file (the runtime stage's COPY lines, its `npm ci` line, ENV and CMD) and does the same in a
# temporary folder, so keep those lines plain: one instruction per line, CMD in JSON form.
# See docs/operations.md.

ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: every dependency, then the client into dist/client
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production dependencies, the server's sources and the prebuilt client
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY server ./server
COPY shared ./shared
COPY scripts ./scripts
COPY --from=build /app/dist/client ./dist/client
RUN mkdir -p /data && chown node:node /data
ENV HOST=0.0.0.0
ENV PORT=8787
ENV DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8787
USER node
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/livez').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "scripts/start.ts"]
