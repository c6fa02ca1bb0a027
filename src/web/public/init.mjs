// Starts GOV.UK Frontend's components (a file, not an inline script: the pages' CSP has none).
import { initAll } from '/govuk/govuk-frontend.min.js';

initAll();
