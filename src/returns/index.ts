export { ReturnsModule } from './returns.module.js';
export { Ssda903Export, type ReturnScope } from './ssda903/ssda903-export.js';
export { deriveSsda903, type Ssda903Return, type ReturnProblem } from './ssda903/ssda903.derive.js';
export { oc3DueOn, type CareSpan } from './ssda903/periods-of-care.js';
