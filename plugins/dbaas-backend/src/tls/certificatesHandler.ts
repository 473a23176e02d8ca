import { OperationHandler } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { markRunning } from '../operations/markRunning';
import { verifyServedCertificates } from './servedCertificates';

/**
 * Rotates an instance's node certificates: a new generation, which the
 * platform issues and every data node loads without a restart (Sentinels,
 * which cannot, restart one at a time), then a
 * client's handshake with every node proves the new one is served. The CA
 * stays, so clients change nothing.
 */
export const certificatesHandler: OperationHandler = {
  type: 'certificates',
  steps: ['issue', 'apply', 'verify', 'finalize'],

  async runStep(step, ctx) {
    const instance = requireInstance(ctx);
    const tls = ctx.deps.tls;
    if (!tls) throw new Error('Certificates need the TLS service');
    const target = Number(ctx.operation.params.generation);
    switch (step) {
      case 'issue': {
        await tls.advanceTo(instance.id, target);
        const stored = await tls.stored(instance.id);
        await ctx.log(
          `Certificates of generation ${target} expire at ${stored?.certificatesNotAfter}`,
        );
        return;
      }
      case 'apply':
        await ctx.driver.update(
          await buildDriverSpec(instance, ctx.deps),
          ctx.driverContext,
        );
        await ctx.log('Asked the platform to load the new certificates');
        return;
      case 'verify': {
        const stored = await tls.stored(instance.id);
        const nodes = await verifyServedCertificates(
          ctx,
          instance,
          stored!.certificatesNotAfter,
        );
        await ctx.log(
          `A client trusting the instance's CA was shown the new certificate by ${nodes.join(
            ', ',
          )}`,
        );
        return;
      }
      case 'finalize':
        await markRunning(ctx, instance, {
          type: 'certificates-rotated',
          message: `Instance ${instance.name} serves certificates of generation ${target}`,
        });
        return;
      default:
        throw new Error(`Unknown certificates step ${step}`);
    }
  },

  // The certificates of the previous generation stay valid until they
  // expire, so a node that did not load the new one still serves; the
  // renewal task tries again.
  async onFailure(ctx, error) {
    const instance = ctx.instance;
    if (!instance) return;
    await markRunning(ctx, instance, {
      type: 'certificates-rotation-failed',
      message: `Rotating the certificates of ${instance.name} failed: ${error.message}; nodes that did not load new ones keep serving the previous ones until they expire`,
    });
  },
};
