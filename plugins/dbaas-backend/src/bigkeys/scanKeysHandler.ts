import { OperationHandler } from '../operations/types';
import { runKeyScan } from './runKeyScan';

/**
 * Finds the biggest keys. It only reads, so a failure leaves nothing to
 * undo, and it can be cancelled at any time.
 */
export const scanKeysHandler: OperationHandler = {
  type: 'scan-keys',
  steps: ['scan'],
  cancellable: true,

  async runStep(step, ctx) {
    if (step !== 'scan') throw new Error(`Unknown scan-keys step ${step}`);
    await runKeyScan(ctx);
  },

  async onFailure(ctx, error) {
    await ctx.log(`No report was stored: ${error.message}`, 'warn');
  },
};
