import { describe, expect, it } from 'vitest';
import { readTarget, targetHash } from '../../../lib/ui/workspace-target';

describe('the workspace address of an item', () => {
  it('reads back the project and invoice it was written with', () => {
    expect(readTarget(`#${targetHash({ project: 'p 1', invoice: 'i&2' })}`)).toEqual({ project: 'p 1', invoice: 'i&2' });
    expect(readTarget(`#${targetHash({ project: 'p1' })}`)).toEqual({ project: 'p1' });
  });

  it('points nowhere without a project', () => {
    expect(readTarget('')).toBeNull();
    expect(readTarget('#invoice=i1')).toBeNull();
  });
});
