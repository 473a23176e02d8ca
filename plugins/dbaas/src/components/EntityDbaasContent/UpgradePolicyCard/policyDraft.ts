import {
  MaintenanceWindow,
  parseWindowPhrase,
  UpgradePolicy,
  UpgradePolicyMode,
  UpgradePolicyRequest,
  WindowPhraseResult,
} from '@justmanage/plugin-dbaas-common';

/** The policy as the form edits it: phrases as typed. */
export interface PolicyDraft {
  mode: UpgradePolicyMode;
  securityOnly: boolean;
  phrases: string[];
  blackoutDates: string[];
}

export function draftOf(policy: UpgradePolicy): PolicyDraft {
  return {
    mode: policy.mode,
    securityOnly: policy.securityOnly,
    phrases: policy.windows.map(w => w.phrase),
    blackoutDates: policy.blackoutDates,
  };
}

/** The draft read the way the backend will read it, phrase by phrase. */
export interface ReadDraft {
  results: WindowPhraseResult[];
  /** The windows of the phrases that read, with the phrase each came from. */
  windows: Array<{ phrase: string; window: MaintenanceWindow }>;
  /** Why the draft cannot be saved; empty when it can. */
  problems: string[];
}

export function readDraft(draft: PolicyDraft): ReadDraft {
  const results = draft.phrases.map(parseWindowPhrase);
  const windows = results.flatMap(r =>
    r.ok ? [{ phrase: r.normalized, window: r.window }] : [],
  );
  const problems = results.flatMap((r, i) =>
    r.ok ? [] : [`Window ${i + 1}: ${r.error}`],
  );
  if (draft.mode === 'auto-patch' && draft.phrases.length === 0) {
    problems.push('Automatic patch upgrades need at least one window');
  }
  return { results, windows, problems };
}

export function requestOf(draft: PolicyDraft): UpgradePolicyRequest {
  return {
    mode: draft.mode,
    securityOnly: draft.mode === 'auto-patch' && draft.securityOnly,
    windows: draft.phrases,
    blackoutDates: draft.blackoutDates,
  };
}

/** Whether saving the draft would change the policy. */
export function differs(draft: PolicyDraft, policy: UpgradePolicy): boolean {
  const saved = draftOf(policy);
  const normalized = readDraft(draft).results.map((r, i) =>
    r.ok ? r.normalized : draft.phrases[i],
  );
  return (
    JSON.stringify({ ...requestOf(draft), windows: normalized }) !==
    JSON.stringify(requestOf(saved))
  );
}
