import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/**
 * The addresses people can open (issue 13): bound to every interface (0.0.0.0 or ::), that is this
 * machine's localhost and each of its LAN addresses — what a phone on the office Wi-Fi types; bound to
 * one address, that address.
 */
export function describeListenAddresses(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const url = (address: string) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (host !== '0.0.0.0' && host !== '::') return [url(host === '::1' ? 'localhost' : host)];
  const lan = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => !info.internal && info.family === 'IPv4')
    .map((info) => url(info.address));
  return [url('localhost'), ...lan];
}
