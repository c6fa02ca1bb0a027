# One image for the API, the projector and the nwd command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY src src
COPY libs libs
COPY bench bench
COPY tools tools
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
# Page templates (the shell's and each capability's web/views), scripts and styles are read at run
# time; the TypeScript beside them is not needed.
COPY src src
RUN find src -name '*.ts' -delete
# The local signing key lives in a volume at /keys (see docker-compose.yml).
RUN mkdir -p /keys && chown node:node /keys
USER node
EXPOSE 3000
ENTRYPOINT ["node", "dist/apps/cli/main.js"]
CMD ["start"]
