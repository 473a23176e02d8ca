import { OperationHandler } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { waitUntilReady } from '../operations/waitUntilReady';
import { restorePrevious } from '../operations/restorePrevious';
import { markRunning } from '../operations/markRunning';
import { verifyServedCertificates } from './servedCertificates';

/**
 * Moves a running instance between TLS modes (see requestTlsModeChange,
 * which wrote the new mode). The platform opens or closes ports live; the
 * control plane then proves with a client's handshake that every node
 * serves TLS where the mode says.
 */
/** What the apply step did, in the log's words. */
const APPLIED: Record<string, string> = {
  preferred: 'Every node serves TLS on a second port beside its plain one',
  required: 'Every node closed its plain port and serves TLS only',
  disabled: 'Every node closed its TLS port',
};

export const tlsModeHandler: OperationHandler = {
  type: 'tls-mode',
  steps: ['apply', 'wait-ready', 'verify', 'finalize'],

  async runStep(step, ctx) {
    const instance = requireInstance(ctx);
    const mode = String(ctx.operation.params.mode);
    switch (step) {
      case 'apply':
        await ctx.driver.update(
          await buildDriverSpec(instance, ctx.deps),
          ctx.driverContext,
        );
        await ctx.log(APPLIED[mode] ?? `Applied TLS ${mode}`);
        return;
      case 'wait-ready':
        await waitUntilReady(ctx);
        return;
      case 'verify': {
        if (mode === 'disabled') return;
        const stored = await ctx.deps.tls?.stored(instance.id);
        if (!stored) throw new Error(`Instance ${instance.name} has no CA`);
        const nodes = await verifyServedCertificates(
          ctx,
          instance,
          stored.certificatesNotAfter,
        );
        await ctx.log(
          `A client trusting the instance's CA completed a TLS handshake with ${nodes.join(
            ', ',
          )}`,
        );
        return;
      }
      case 'finalize':
        await markRunning(ctx, instance, {
          type: 'tls-mode-changed',
          message: `Instance ${instance.name} has TLS ${mode}`,
        });
        return;
      default:
        throw new Error(`Unknown tls-mode step ${step}`);
    }
  },

  async onFailure(ctx, error) {
    await restorePrevious(ctx, error, {
      type: 'tls-mode-failed',
      action: 'Changing the TLS mode of',
    });
  },
};
