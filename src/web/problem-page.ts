/**
 * A refused or failed request, as a page says it to a person: plain words, never a permission
 * name, a code or a validator's text; and the same words for "not there" and "not yours", so a
 * page cannot be used to find out which young people exist.
 */
export function pageProblem(problem: {
  status: number;
  code: string;
  title: string;
  detail: string;
  requestId?: unknown;
}): { title: string; message: string } {
  if (problem.code === 'ACCESS.DENIED')
    return {
      title: 'You cannot do this',
      message: 'Your role does not include this. Ask your hub manager if you think it should.',
    };
  if (problem.status === 404 || problem.code === 'ACCESS.OUT_OF_SCOPE')
    return {
      title: 'Page not found',
      message:
        'There is nothing here that you can see. Check the address, or go back to the start.',
    };
  if (problem.status >= 500)
    return {
      title: 'Sorry, there is a problem with the service',
      message: `Try again in a few minutes. If it keeps happening, give this reference to whoever runs the service: ${String(problem.requestId ?? '')}.`,
    };
  return { title: problem.title, message: problem.detail };
}
