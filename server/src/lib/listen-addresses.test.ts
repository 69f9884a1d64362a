import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { describeListenAddresses } from './listen-addresses';

const iface = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;

describe('the addresses the start-up log names', () => {
  it('when bound to every interface, then localhost and each LAN IPv4 address, not loopback or IPv6', () => {
    const interfaces = {
      lo: [iface('127.0.0.1', true)],
      wlan0: [iface('192.168.1.10'), iface('fe80::1', false, 'IPv6')],
      eth0: [iface('10.0.0.5')],
    };
    expect(describeListenAddresses('0.0.0.0', 3000, interfaces)).toEqual([
      'http://localhost:3000',
      'http://192.168.1.10:3000',
      'http://10.0.0.5:3000',
    ]);
  });

  it('when bound to one address, then only that one', () => {
    expect(describeListenAddresses('127.0.0.1', 3000, {})).toEqual(['http://127.0.0.1:3000']);
    expect(describeListenAddresses('fd00::2', 8080, {})).toEqual(['http://[fd00::2]:8080']);
  });
});
