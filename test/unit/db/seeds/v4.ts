import { v3 } from './v3';

/** Version 4 rescaled amounts to ISO 4217 exponents; the shape of every table is that of version 3. */
export const v4 = v3;
