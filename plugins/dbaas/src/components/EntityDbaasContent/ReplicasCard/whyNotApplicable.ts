import type {
  Instance,
  Operation,
  Platform,
} from '@justmanage/plugin-dbaas-common';
import { replicasText } from './replicaWords';

/**
 * Why Apply is disabled, in words, or undefined when the change can be
 * sent. A disabled button with no reason leaves users guessing; these are
 * the refusals the API would answer with (409) said before asking.
 * A count that is not a count is told under the field instead.
 */
export function whyNotApplicable(args: {
  instance: Instance;
  platform: Platform;
  active?: Operation;
  count: number;
}): string | undefined {
  const { instance, platform, active, count } = args;
  if (!platform.ha.replicas) {
    return `${platform.title} runs standalone instances only.`;
  }
  if (active) {
    return `Another operation (${active.type}) is in progress; replicas can be changed when it has finished.`;
  }
  if (instance.status !== 'running') {
    return `Replicas can be changed when the instance is running; it is ${instance.status}.`;
  }
  if (count === instance.replicas) {
    return `It has ${replicasText(count)} already; enter another count.`;
  }
  return undefined;
}
