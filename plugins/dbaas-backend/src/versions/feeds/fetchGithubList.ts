/** How a feed reaches GitHub; tests and proxies may replace fetch. */
export interface GithubClientOptions {
  token?: string;
  fetch?: typeof fetch;
  /** Pages of 100 items read at most per refresh. */
  maxPages?: number;
  timeoutMs?: number;
}

/** The URL of the next page from a Link header, as GitHub paginates. */
function nextPage(link: string | null): string | undefined {
  return link
    ?.split(',')
    .map(part => /<([^>]+)>;\s*rel="next"/.exec(part)?.[1])
    .find(Boolean);
}

/**
 * Reads a GitHub list endpoint, following its pages. Throws with GitHub's
 * status and message on anything but a JSON array, so the caller can record
 * why the feed failed; a rate limit comes back as 403 with its message.
 */
export async function fetchGithubList<T>(
  url: string,
  options: GithubClientOptions = {},
): Promise<T[]> {
  const doFetch = options.fetch ?? fetch;
  const items: T[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < (options.maxPages ?? 5); page++) {
    const response: Response = await doFetch(next, {
      headers: {
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let message = text.slice(0, 200);
      try {
        message = JSON.parse(text).message ?? message;
      } catch {
        // not JSON: keep the text
      }
      throw new Error(
        `GET ${next} answered ${response.status}${
          message ? `: ${message}` : ''
        }`,
      );
    }
    const body = await response.json();
    if (!Array.isArray(body)) {
      throw new Error(`GET ${next} did not answer with a list`);
    }
    items.push(...body);
    next = nextPage(response.headers.get('link'));
  }
  return items;
}
