// A block's `when`: shown only when a placeholder is filled, or only when it is empty. Hidden blocks are left
// out before layout, so the blocks after them close up.

import type { A4LaidOutBlock } from './template-schema';

export function blockShown(block: Pick<A4LaidOutBlock, 'when'>, values: Readonly<Record<string, string>>): boolean {
  const when = block.when;
  if (when === undefined) return true;
  if ('filled' in when) return (values[when.filled] ?? '') !== '';
  return (values[when.empty] ?? '') === '';
}
