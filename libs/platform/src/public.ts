import { SetMetadata } from '@nestjs/common';

export const PUBLIC = 'nwd:public';

/** A route anyone may call without a token (health). Every other route needs one. */
export const Public = () => SetMetadata(PUBLIC, true);
