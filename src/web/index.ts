// The shell of the pages, which every capability's pages are built in: layout, sign-in, the
// helpers every page uses. It knows no capability.
export { WebModule } from './web.module.js';
export { WebPages, safeReturn, youngPeopleInPage, type FormError } from './web-pages.js';
export { Renderer, WEB_PATHS, packageRoot } from './renderer.js';
export { setNavBadge, shellOf } from './navigation.js';
export { pageProblem } from './problem-page.js';
export {
  ukDate,
  ukDateTime,
  ukDayAfter,
  ukDayStart,
  ukInstant,
  ukNowLocal,
  ukOrInstant,
} from './uk-time.js';
export { WebOidc, webOidcFromEnv } from './web-oidc.js';
export { listDemoUsers, registerDemoUsers, type DemoUser } from './demo-users.js';
export { fieldMessage, type FieldWords, type FormWords } from './form-messages.js';
export { dateFields, dateFromInput, dateTimeFields, dateTimeFromInput } from './date-input.js';
export { daysAgo, plural } from './words.js';
