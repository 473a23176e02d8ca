import type { SentinelAddress } from '@justmanage/plugin-dbaas-common';

/** A string literal that JavaScript, Python, Go and Java all read alike. */
export const str = (value: string) => JSON.stringify(value);

/** One line per Sentinel, each ending in a comma. */
export const indentedList = (
  endpoints: SentinelAddress[],
  item: (e: SentinelAddress) => string,
  indent: string,
) => endpoints.map(e => `${indent}${item(e)},`).join('\n');

/** `host:port`, with brackets around an IPv6 address. */
export const address = ({ host, port }: SentinelAddress) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
