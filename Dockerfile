# Roundup's standalone server. Not built on the project's own machines (no Docker there): kept
# minimal and written against Next's standalone output; see README "Release and scaling".
#
#   docker build -t roundup .                                   # the server image
#   docker build --target build -t roundup-release .            # the release-step image (migrations)
#   docker run --rm -e DATABASE_URL=… roundup-release npm run db:migrate
#   docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… -e SITE_URL=… -e MEDIA_STORAGE=s3 … roundup

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci
# The build reads no data; the data layer only needs these to be well-formed while it loads.
# SITE_URL (optional) fixes the public pages' security policy: an https site upgrades insecure requests.
ARG SITE_URL=""
RUN SITE_URL="$SITE_URL" DATABASE_URL=postgresql://build:build@127.0.0.1:5432/build \
    AUTH_SECRET=build-only-placeholder-never-used-at-run-time \
    npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
# What npm start gives the server (scripts/lib/standalone.ts): a bounded V8 heap, which SERVER_HEAP_MB
# sets there and NODE_OPTIONS here (keep CACHE_MAX_MB at most the heap - 96), and two malloc arenas.
ENV NODE_OPTIONS=--max-old-space-size=192 MALLOC_ARENA_MAX=2
# .next/standalone holds server.js, the front door that runs it (lib/server/roundup-server.mjs), the
# traced node_modules, and (copied by npm run build) the static files and public/.
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# Next stops accepting, finishes in-flight requests and exits on SIGTERM.
STOPSIGNAL SIGTERM
CMD ["node", "lib/server/roundup-server.mjs"]
