import { v2 } from './v2';

/** Version 3 rescaled amounts to ISO 4217 exponents; the shape of every table is that of version 2. */
export const v3 = v2;
