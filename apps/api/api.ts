import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { join } from 'node:path';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  createLogger,
  openInfrastructure,
  loggableError,
  PinoNestLogger,
  ProblemFilter,
  securityHeaders,
  validationProblem,
  type Infrastructure,
  type Logger,
  type NwdConfig,
  type NwdMetrics,
  LIFECYCLE,
  type Lifecycle,
  wholeNumber,
} from '#platform';
import cookieParser from 'cookie-parser';
import express from 'express';
import {
  createTokenVerifier,
  loadAuthConfig,
  loadLocalKeys,
  RefusedRequests,
  type TokenVerifier,
} from '../../src/access/index.js';
import { pageProblem, Renderer, shellOf, WEB_PATHS } from '../../src/web/index.js';
import { WebSessions } from '../../src/access/index.js';
import { WebOidc, webOidcFromEnv } from '../../src/web/index.js';
import { NWD_MODEL } from '../composition/composition.js';
import { RECORD_STYLE_HASH } from '../../src/audit/index.js';
import { ApiModule } from './api.module.js';
import { loadSealKey } from '../composition/seal-key.js';
import { sealLog, SqlEventStore } from '#event-store';

/** The HTTP API over an opened infrastructure (the e2e tests call this with a test database). */
export async function createApi(
  infra: Infrastructure,
  config: NwdConfig,
  verifier: TokenVerifier,
  logger: Logger = createLogger(config.logLevel, 'api'),
  sessions?: WebSessions,
  oidc: WebOidc | null = defaultOidc(),
): Promise<INestApplication> {
  const web =
    sessions ??
    new WebSessions(
      await loadLocalKeys(loadAuthConfig().keyFile),
      Number(process.env.WEB_SESSION_MINUTES) || 480,
      infra.store,
      config.publicUrl,
    );
  const app = await NestFactory.create(ApiModule.forRoot(infra, config, verifier, web, oidc), {
    logger: new PinoNestLogger(logger),
  });
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  infra.metrics.collectProcessMetrics();
  app.use(requestMetrics(infra.metrics));
  const lifecycle = app.get<Lifecycle>(LIFECYCLE);
  app.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    // Shutting down: each answer closes its connection, so none is left idle to wait for.
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  for (const handler of securityHeaders({
    publicUrl: config.publicUrl,
    formTargets: oidc ? [new URL(oidc.settings.issuer).origin] : [],
    styleHashes: [RECORD_STYLE_HASH],
  }))
    app.use(handler);
  app.use(cookieParser());
  app.use('/govuk', express.static(join(WEB_PATHS.govuk, 'govuk'), { maxAge: '1d' }));
  app.use('/assets', express.static(join(WEB_PATHS.govuk, 'govuk', 'assets'), { maxAge: '1d' }));
  app.use('/moj', express.static(join(WEB_PATHS.moj, 'moj'), { maxAge: '1d' }));
  app.use('/app-assets', express.static(WEB_PATHS.built, { maxAge: 0, index: false }));
  app.use('/app-assets', express.static(WEB_PATHS.public, { maxAge: 0 }));
  // The service worker, at the top of the pages it may serve offline (its scope is /app/).
  app.use(
    '/app/sw.js',
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Service-Worker-Allowed', '/app/');
      res.sendFile(join(WEB_PATHS.built, 'sw.js'));
    },
  );
  const renderer = new Renderer();
  const refusals = new RefusedRequests(infra.readDb, logger);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationProblem,
    }),
  );
  app.useGlobalFilters(
    new ProblemFilter(
      (error, requestId) =>
        logger.error({ err: loggableError(error), requestId }, 'request failed'),
      (problem, req, res) => {
        // A browser on a page: sign in again (the page comes back after), or a readable page.
        if (!req.path.startsWith('/app') || req.accepts(['json', 'html']) !== 'html') return false;
        if (problem.status === 401) {
          res.redirect(303, `/app/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`);
          return true;
        }
        if (problem.code === 'ACCESS.REASON_REQUIRED' && req.method === 'GET') {
          // Asked once, in a posted form; then back to the page asked for.
          res
            .status(200)
            .type('html')
            .send(
              renderer.render('reason.njk', {
                ...shellOf(req),
                title: 'Why are you looking?',
                returnTo: req.originalUrl,
                values: {},
                errors: [],
              }),
            );
          return true;
        }
        res
          .status(problem.status)
          .type('html')
          .send(
            renderer.render('error.njk', {
              ...shellOf(req),
              ...pageProblem(problem),
            }),
          );
        return true;
      },
      (problem, req) => {
        infra.metrics.problems.inc({ status: problem.status, code: problem.code });
        if (problem.status === 401 || problem.status === 403) {
          infra.metrics.refused.inc({ status: problem.status });
        }
        refusals.record(problem, req);
      },
    ),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('nwd-hub')
      .setDescription(
        'Case coordination for No Wrong Door hubs. Errors are application/problem+json with a ' +
          'stable code. Every POST honours Idempotency-Key; writes answer with the log position, ' +
          'which queries accept as ?after= to read their own writes.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/**
 * Counts and times every answer by its route's pattern (`/api/young-people/:id/contacts`, never
 * the ids), so the labels stay few; a file is labelled by where its folder is mounted
 * (`/govuk/*`), an unknown path `unmatched`.
 */
function requestMetrics(metrics: NwdMetrics) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const end = metrics.requestSeconds.startTimer();
    res.once('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route =
        typeof pattern === 'string'
          ? `${req.baseUrl}${pattern}`
          : req.baseUrl
            ? `${req.baseUrl}/*`
            : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      metrics.requests.inc(labels);
      end(labels);
    });
    next();
  };
}

/**
 * Seals the log every SEAL_INTERVAL_MINUTES when it changed (several API processes may race for
 * a seal; one wins). A seal that fails is logged and tried again next time.
 */
async function sealOnSchedule(infra: Infrastructure, config: NwdConfig, logger: Logger) {
  if (config.sealIntervalMinutes <= 0 || !(infra.store instanceof SqlEventStore)) return () => {};
  const store = infra.store;
  const key = await loadSealKey();
  const timer = setInterval(() => {
    sealLog(store, key, new Date()).then(
      (a) => logger.info({ seal: a.seal.number, streams: a.seal.streams }, 'log sealed'),
      (error: unknown) => logger.error({ err: loggableError(error) }, 'sealing the log failed'),
    );
  }, config.sealIntervalMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

function defaultOidc(): WebOidc | null {
  const settings = webOidcFromEnv(process.env, loadAuthConfig().claims);
  return settings ? new WebOidc(settings) : null;
}

export interface RunningApi {
  app: INestApplication;
  infra: Infrastructure;
  url: string;
  stop(): Promise<void>;
}

/** `nwd start`: open the log, prepare the read models, run the projections inline, listen. */
export async function startApi(config: NwdConfig): Promise<RunningApi> {
  const logger = createLogger(config.logLevel, 'api');
  const infra = await openInfrastructure(config, NWD_MODEL, {
    applicationName: 'nwd-api',
    onProjectionError: (err, name) =>
      logger.error({ err: loggableError(err), projection: name }, 'projection failed'),
  });
  try {
    await infra.runner.prepare();
    if (config.projections === 'inline') infra.runner.start();
    // Creates the local signing key on first run when no OIDC issuer is configured.
    const verifier = await createTokenVerifier(loadAuthConfig());
    const app = await createApi(infra, config, verifier, logger);
    const stopSealing = await sealOnSchedule(infra, config, logger);
    await app.listen(config.port);
    // PORT=0 takes a free port (tests and benchmarks): report the one actually bound.
    const url = `http://localhost:${(app.getHttpServer().address() as AddressInfo).port}`;
    for (const warning of infra.warnings) logger.warn(warning);
    logger.info(
      { url, storage: infra.describe, projections: config.projections },
      'nwd-hub API listening',
    );
    return {
      app,
      infra,
      url,
      stop: async () => {
        // Graceful: not ready from now on (a load balancer stops sending), then after
        // SHUTDOWN_DELAY_MS stop taking connections and finish the requests in flight, then
        // stop the projections (releasing their leadership to another process) and close.
        const lifecycle = app.get<Lifecycle>(LIFECYCLE);
        lifecycle.draining = true;
        stopSealing();
        const delay = wholeNumber(config.env, 'SHUTDOWN_DELAY_MS', 0);
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        // Node's close() would also cut every connection with no request in progress, one
        // accepted whose request is not read yet among them (its client sees a reset). Leave
        // them to end: each answer now says Connection: close, and an idle keep-alive ends at
        // keepAliveTimeout. Past SHUTDOWN_TIMEOUT_MS, whatever is left is cut.
        const server = app.getHttpServer() as Server;
        server.closeIdleConnections = () => undefined;
        const cut = setTimeout(
          () => server.closeAllConnections(),
          wholeNumber(config.env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
        );
        cut.unref();
        await app.close();
        clearTimeout(cut);
        await infra.close();
      },
    };
  } catch (error) {
    await infra.close();
    throw error;
  }
}
