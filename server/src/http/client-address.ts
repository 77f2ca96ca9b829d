import { BlockList, isIP } from 'node:net';

/** Which proxies in front of the server may be believed when they say whom they forward for. */
export interface TrustProxy {
  /** How many proxies stand in front of the server, each appending the address it saw to `X-Forwarded-For`. */
  hops: number;
  /** The proxies' own addresses or subnets (`10.1.0.0/16`); used instead of `hops` when given. */
  addresses: string[];
}

/**
 * The client's address: the connection's peer, or, behind trusted proxies, the right-most address in
 * `X-Forwarded-For` that no trusted proxy added. Everything to the left of it was written by the
 * client itself, so reading the left-most entry would let any client choose its own address.
 */
export function clientAddress(trust: TrustProxy, forwardedFor: string | undefined, peer: string): string {
  if (!trust.hops && !trust.addresses.length) return peer;
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    peer,
  ];
  if (trust.addresses.length) {
    const proxies = blockListOf(trust.addresses);
    let index = chain.length - 1;
    while (index > 0 && isTrusted(proxies, chain[index]!)) index--;
    return chain[index]!;
  }
  // The peer is the nearest proxy; each further proxy is one more entry from the right.
  return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
}

const blockLists = new WeakMap<string[], BlockList>();
function blockListOf(addresses: string[]): BlockList {
  let list = blockLists.get(addresses);
  if (!list) {
    list = new BlockList();
    for (const address of addresses) {
      const [ip, bits] = address.split('/') as [string, string | undefined];
      const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) list.addAddress(ip, type);
      else list.addSubnet(ip, Number(bits), type);
    }
    blockLists.set(addresses, list);
  }
  return list;
}

function isTrusted(proxies: BlockList, address: string): boolean {
  // Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d.
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  return family !== 0 && proxies.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The network an address belongs to, as one household, office or mobile connection holds it: its
 * /24 for IPv4 and its /64 for IPv6 (what one home or phone is given). Anything that counts people
 * by address counts networks, so that one person's many addresses count once.
 */
export function networkOf(address: string): string {
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  if (family === 4) return `${plain.split('.').slice(0, 3).join('.')}.0/24`;
  if (family !== 6) return address;
  // Expand "::" so that the first four groups can be read whatever the spelling.
  const [head = '', tail] = plain.toLowerCase().split('%')[0]!.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 forms aside) stands for two groups; the prefix never reaches it.
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => (Number.parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`;
}
