import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The one inline script the GOV.UK Frontend page template carries (it marks the body
 * `js-enabled`), allowed by its hash as GOV.UK Frontend documents; no other inline script runs.
 */
const GOVUK_TEMPLATE_SCRIPT = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='";

/** Paths of files anyone may cache (stylesheets, scripts, fonts, images): no personal data. */
const STATIC = /^\/(govuk|moj|assets|app-assets)\//;

/**
 * Security headers on every response: a Content-Security-Policy allowing only the service's own
 * scripts and styles, no framing, no sniffing, no referrer, HSTS when served over https, no
 * `X-Powered-By`; and `Cache-Control: no-store` on everything but the static files, since pages
 * and API answers carry personal data. `formTargets` are the other origins a form may lead to
 * (the council's sign-in page).
 */
export function securityHeaders(options: {
  publicUrl: string;
  formTargets?: string[];
  /** Hashes (`'sha256-...'`) of fixed inline styles the service itself writes. */
  styleHashes?: string[];
}): RequestHandler[] {
  const https = options.publicUrl.startsWith('https:');
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", GOVUK_TEMPLATE_SCRIPT],
    styleSrc: ["'self'", ...(options.styleHashes ?? [])],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'", ...(options.formTargets ?? [])],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    upgradeInsecureRequests: https ? [] : null,
  };
  const common = {
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
  const pages = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  // The API's documentation page (Swagger UI) sets its own styles inline.
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] },
    },
  });
  // The headers depend on nothing in the request: helmet's are read once, here, and set in one
  // step on every answer (helmet itself runs a dozen middlewares a request, 4% of the API's CPU
  // under load).
  const [pageHeaders, docsHeaders] = [headersOf(pages), headersOf(docs)];
  return [
    (req: Request, res: Response, next: NextFunction) => {
      const headers = req.path.startsWith('/docs') ? docsHeaders : pageHeaders;
      for (const name of headers.removed) res.removeHeader(name);
      for (const [name, value] of headers.set) res.setHeader(name, value);
      if (!STATIC.test(req.path)) res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}

/** What a middleware that depends on nothing in the request does to every answer's headers. */
function headersOf(middleware: RequestHandler): { set: [string, string][]; removed: string[] } {
  const set = new Map<string, string>();
  const removed = new Set<string>();
  const res = {
    setHeader(name: string, value: unknown) {
      set.set(name, String(value));
      removed.delete(name);
    },
    removeHeader(name: string) {
      set.delete(name);
      removed.add(name);
    },
  };
  let done = false;
  void middleware(
    {} as Request,
    res as unknown as Response,
    ((error?: unknown) => {
      if (error) throw error;
      done = true;
    }) as NextFunction,
  );
  if (!done) throw new Error('the security headers middleware did not finish at once');
  return { set: [...set], removed: [...removed] };
}
