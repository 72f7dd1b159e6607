// The kubelet's WebSocket port forwarding (v4.channel.k8s.io), as client-node speaks it: ports from the
// query, a 2-byte little-endian port prefix first on each channel, the channel number leading each message.
import { describe, expect, it } from 'vitest';
import { channelFrame, channelPorts, portPrefix } from '../../src/apiserver/portforward.js';

describe('port-forward channels', () => {
  it('reads the ports as the kubelet does', () => {
    expect(channelPorts(new URLSearchParams('ports=80'))).toEqual({ ports: [80] });
    expect(channelPorts(new URLSearchParams('ports=80,8080&ports=9090'))).toEqual({ ports: [80, 8080, 9090] });
    expect(channelPorts(new URLSearchParams(''))).toEqual({ error: 'query parameter "port" is required' });
    expect(channelPorts(new URLSearchParams('ports=http'))).toEqual({ error: 'unable to parse "http" as a port: strconv.ParseUint: parsing "http": invalid syntax' });
    expect(channelPorts(new URLSearchParams('ports=70000'))).toEqual({ error: 'unable to parse "70000" as a port: strconv.ParseUint: parsing "70000": value out of range' });
    expect(channelPorts(new URLSearchParams('ports=0'))).toEqual({ error: 'port "0" must be > 0' });
  });

  it('frames: channel byte first; the port prefix little-endian', () => {
    expect([...portPrefix(1, 8080)]).toEqual([1, 0x90, 0x1f]);
    expect([...channelFrame(2, Buffer.from('hi'))]).toEqual([2, 0x68, 0x69]);
  });
});
