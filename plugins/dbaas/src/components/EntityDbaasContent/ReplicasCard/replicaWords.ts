/** Sentinels a replicated instance runs, whatever its replica count. */
export const SENTINELS = 3;

/** "1 replica", "2 replicas" */
export function replicasText(count: number): string {
  return `${count} ${count === 1 ? 'replica' : 'replicas'}`;
}

/** What the instance runs now, as the card's first line says it. */
export function currentText(replicas: number): string {
  return replicas === 0
    ? 'Standalone: the primary alone, without replicas or Sentinels.'
    : `The primary with ${replicasText(
        replicas,
      )} and ${SENTINELS} Sentinels. Clients should connect through the Sentinels, which point them to the primary after a failover.`;
}

/**
 * What a change from one count to another will do, in the words the
 * confirmation asks with: the user must know before applying that clients
 * need the Sentinels, and that going down may move the primary.
 */
export function changeText(from: number, to: number): string {
  if (from === 0) {
    return `Adds ${replicasText(
      to,
    )} and ${SENTINELS} Sentinels; the primary keeps serving. Connect through the Sentinels to follow failovers.`;
  }
  if (to === 0) {
    return `Removes the ${replicasText(
      from,
    )} and the ${SENTINELS} Sentinels. If a replica is the primary now, the primary role moves to the first node first, with writes held for a moment.`;
  }
  if (to > from) {
    return `Adds ${replicasText(to - from)} (${replicasText(
      to,
    )} in all); the primary keeps serving.`;
  }
  return `Removes ${replicasText(from - to)} (${replicasText(to)} ${
    to === 1 ? 'stays' : 'stay'
  }). If one of them is the primary now, the primary role moves to a node that stays first, with writes held for a moment.`;
}

/** What the card says once the change went through. */
export function doneText(to: number): string {
  return to === 0
    ? 'Now standalone: the replicas and the Sentinels were removed.'
    : `Now ${replicasText(to)} and ${SENTINELS} Sentinels.`;
}
