/**
 * The parts of GitHub's REST responses the release watcher reads, as
 * documented for GET /repos/{owner}/{repo}/releases and
 * GET /repos/{owner}/{repo}/security-advisories. Everything is optional
 * here: a field GitHub leaves out must not crash a refresh.
 */
export interface GithubRelease {
  tag_name?: string;
  name?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  published_at?: string | null;
  created_at?: string | null;
  html_url?: string;
}

export interface GithubCvss {
  vector_string?: string | null;
  score?: number | null;
}

export interface GithubRepositoryAdvisory {
  ghsa_id?: string;
  cve_id?: string | null;
  html_url?: string;
  summary?: string;
  severity?: string | null;
  state?: string;
  published_at?: string | null;
  withdrawn_at?: string | null;
  vulnerabilities?: Array<{
    package?: { ecosystem?: string; name?: string | null } | null;
    vulnerable_version_range?: string | null;
    patched_versions?: string | null;
  }> | null;
  cvss?: GithubCvss | null;
  cvss_severities?: {
    cvss_v3?: GithubCvss | null;
    cvss_v4?: GithubCvss | null;
  } | null;
}
