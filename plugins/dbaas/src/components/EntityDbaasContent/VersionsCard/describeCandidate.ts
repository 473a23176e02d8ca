import {
  engineVersionLabel,
  type UpgradeCandidate,
  type UpgradeKind,
} from '@justmanage/plugin-dbaas-common';

export const KIND_TITLES: Record<UpgradeKind, string> = {
  patch: 'Patch',
  minor: 'Minor',
  major: 'Major',
  downgrade: 'Downgrade',
};

/** See engineVersionLabel in dbaas-common. */
export const engineLabel = engineVersionLabel;

/** The words on a candidate's button. */
export function actionLabel(candidate: UpgradeCandidate): string {
  return `${
    candidate.kind === 'downgrade' ? 'Downgrade' : 'Upgrade'
  } to ${engineLabel(candidate)}`;
}

/** "about 3 seconds", "under a second for Sentinel-aware clients" */
export function downtimeText(candidate: UpgradeCandidate): string {
  if (candidate.strategy === 'rolling') {
    return `about ${candidate.expectedDowntimeSeconds} s stall during the failover for Sentinel-aware clients`;
  }
  return `about ${candidate.expectedDowntimeSeconds} s while the server restarts`;
}

export const STRATEGY_TEXT: Record<UpgradeCandidate['strategy'], string> = {
  restart: 'Restart on the same data',
  rolling: 'Rolling: replicas first, then a failover',
  'snapshot-restore': 'Restore a kept snapshot that version can load',
};
