#!/usr/bin/env bash
# Records the UDP test captures (DHCP, DHCPv6, NTP, SSDP, NBNS, IGMP) with real tools, between two
# network namespaces this script makes and removes: nothing leaves the machine, and the host's own
# network, clock and /etc are left alone (clients run with -sf /bin/true, chronyd with -x).
#
# Usage (as root, Debian): udp-captures.sh OUT_DIR
# Needs: iproute2 tcpdump dnsmasq-base isc-dhcp-client chrony ntpsec-ntpdate nbtscan miniupnpc minissdpd
#        samba samba-common-bin socat ethtool
set -euo pipefail
out="$(realpath "${1:?usage: udp-captures.sh OUT_DIR}")"
mkdir -p "$out"
work="$(mktemp -d /tmp/wirelab-udp-XXXX)"
srv=wl-udp-srv
cli=wl-udp-cli
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$srv" 2>/dev/null || true
  ip netns del "$cli" 2>/dev/null || true
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

in_srv() { ip netns exec "$srv" "$@"; }
in_cli() { ip netns exec "$cli" "$@"; }
# Starts a server in the background: `ip netns exec` itself goes to the background and becomes the
# command, so its pid is the server's and cleanup can stop it.
bg_srv() { ip netns exec "$srv" "$@" & pids+=($!); }

# Two hosts on one link: the server 192.0.2.1 / 2001:db8::1 (documentation prefixes, RFC 5737 and
# RFC 3849), the client with no address until DHCP gives it one.
ip netns add "$srv"
ip netns add "$cli"
ip link add veth-srv netns "$srv" type veth peer name veth-cli netns "$cli"
in_cli ip link set veth-cli address 02:00:5e:10:00:02
in_srv ip link set veth-srv address 02:00:5e:10:00:01
for ns in "$srv" "$cli"; do
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  ip netns exec "$ns" ip link set lo up
done
in_srv ip addr add 192.0.2.1/24 dev veth-srv
in_srv ip -6 addr add 2001:db8::1/64 dev veth-srv nodad
in_srv ip link set veth-srv up
in_cli ip link set veth-cli up
# veth leaves checksums to a NIC that is not there ("offload"); computed in software instead, the
# captured frames carry the checksums a real wire would.
in_srv ethtool -K veth-srv tx off >/dev/null
in_cli ethtool -K veth-cli tx off >/dev/null
in_cli ip route add 224.0.0.0/4 dev veth-cli
in_srv ip route add 224.0.0.0/4 dev veth-srv

# Waits (bounded) until the client's IPv6 link-local address is usable.
for _ in $(seq 50); do
  in_cli ip -6 addr show dev veth-cli scope link | grep -q 'inet6' && break
  sleep 0.1
done

capture() { # NAME FILTER: starts tcpdump on the server's side of the link
  bg_srv tcpdump -i veth-srv -U -s 0 -w "$out/$1" "$2" 2>"$work/$1.log"
  # tcpdump says "listening on" once its socket is open.
  for _ in $(seq 50); do grep -q listening "$work/$1.log" && return; sleep 0.1; done
  echo "tcpdump did not start: $(cat "$work/$1.log")" >&2
  exit 1
}
stop_captures() {
  sleep 1 # let the last replies reach tcpdump's buffer
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}

# --- DHCP and DHCPv6: dnsmasq serves, dhclient asks, then releases ---------------------------
cat >"$work/dhclient.conf" <<'EOF'
send host-name "wirelab-student";
request subnet-mask, broadcast-address, time-offset, routers, domain-name, domain-name-servers,
        host-name, ntp-servers, interface-mtu;
EOF
capture dhcp.pcap 'udp port 67 or udp port 68'
capture dhcpv6.pcap 'udp port 546 or udp port 547'
bg_srv dnsmasq --no-daemon --conf-file=/dev/null --port=0 --interface=veth-srv --bind-interfaces \
  --dhcp-range=192.0.2.100,192.0.2.150,255.255.255.0,1h \
  --dhcp-range=2001:db8::100,2001:db8::1ff,64,1h \
  --dhcp-option=option:router,192.0.2.1 --dhcp-option=option:dns-server,192.0.2.1 \
  --dhcp-option=option6:dns-server,[2001:db8::1] \
  --dhcp-leasefile="$work/leases" --pid-file="$work/dnsmasq.pid" --log-dhcp \
  >/dev/null 2>"$work/dnsmasq.log"
sleep 1
dh=(dhclient -d -1 -v -sf /bin/true -cf "$work/dhclient.conf" -pf "$work/dhclient.pid")
ip netns exec "$cli" timeout 30 "${dh[@]}" -4 -lf "$work/lease4" veth-cli >"$work/dhclient4.log" 2>&1 &
client=$!
for _ in $(seq 200); do grep -q 'bound to' "$work/dhclient4.log" && break; sleep 0.1; done
kill "$client" 2>/dev/null || true
wait "$client" 2>/dev/null || true
# The release goes by unicast from the leased address, which -sf /bin/true did not configure.
leased="$(sed -n 's/^bound to \([0-9.]*\) .*/\1/p' "$work/dhclient4.log")"
in_cli ip addr add "$leased/24" dev veth-cli
in_cli timeout 10 "${dh[@]}" -4 -r -lf "$work/lease4" veth-cli >>"$work/dhclient4.log" 2>&1 || true
in_cli ip addr del "$leased/24" dev veth-cli
ip netns exec "$cli" timeout 30 "${dh[@]}" -6 -lf "$work/lease6" veth-cli >"$work/dhclient6.log" 2>&1 &
client=$!
for _ in $(seq 200); do grep -q 'Bound to' "$work/dhclient6.log" && break; sleep 0.1; done
kill "$client" 2>/dev/null || true
wait "$client" 2>/dev/null || true
in_cli timeout 10 "${dh[@]}" -6 -r -lf "$work/lease6" veth-cli >>"$work/dhclient6.log" 2>&1 || true
stop_captures
in_cli ip addr add 192.0.2.2/24 dev veth-cli

# --- NTP: chronyd serves (local clock, stratum 8, never sets the clock), ntpdate -q asks ------
cat >"$work/chrony.conf" <<EOF
local stratum 8
allow 192.0.2.0/24
bindaddress 192.0.2.1
cmdport 0
pidfile $work/chronyd.pid
EOF
capture ntp.pcap 'udp port 123'
bg_srv chronyd -x -d -f "$work/chrony.conf" >"$work/chronyd.log" 2>&1
sleep 2
in_cli timeout 20 ntpdate -q 192.0.2.1 >"$work/ntpdate.log" 2>&1 || true
stop_captures

# --- SSDP, NBNS and IGMP: a UPnP discovery, a NetBIOS status query, multicast joins ---------
capture ssdp_nbns_igmp.pcap 'udp port 1900 or udp port 137 or igmp'
in_cli timeout 5 upnpc -m veth-cli -l >"$work/upnpc.log" 2>&1 || true
in_cli timeout 5 nbtscan -v 192.0.2.1 >"$work/nbtscan.log" 2>&1 || true
in_cli sysctl -qw net.ipv4.conf.veth-cli.force_igmp_version=2
in_cli timeout 2 socat -u UDP4-RECV:5004,ip-add-membership=239.1.2.3:veth-cli /dev/null || true
in_cli sysctl -qw net.ipv4.conf.veth-cli.force_igmp_version=3
in_cli timeout 2 socat -u UDP4-RECV:5004,ip-add-membership=239.1.2.4:veth-cli /dev/null || true
stop_captures
# --- An SSDP answer: minissdpd, given one device, answers a search for it -------------------
# The device is handed to minissdpd through its socket as miniupnpd would (request type 4:
# search target, USN, server, location, each with a 7-bit-per-byte length).
capture ssdp_answer.pcap 'udp port 1900'
bg_srv minissdpd -d -i veth-srv -s "$work/minissdpd.sock" -p "$work/minissdpd.pid" \
  >"$work/minissdpd.log" 2>&1
for _ in $(seq 50); do [[ -S "$work/minissdpd.sock" ]] && break; sleep 0.1; done
in_srv python3 - "$work/minissdpd.sock" <<'EOF'
import socket, sys
def field(text):
    data, n = text.encode(), len(text.encode())
    length = [n & 0x7F]
    while n > 0x7F:
        n >>= 7
        length.insert(0, (n & 0x7F) | 0x80)
    return bytes(length) + data
st = "urn:schemas-upnp-org:device:InternetGatewayDevice:1"
submit = bytes([4]) + field(st) + field("uuid:wirelab-0001::" + st) \
    + field("Linux/6 UPnP/1.1 wirelab/1.0") + field("http://192.0.2.1:5000/rootDesc.xml")
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.connect(sys.argv[1])
    s.sendall(submit)
EOF
in_cli timeout 5 upnpc -m veth-cli -l >"$work/upnpc-answer.log" 2>&1 || true
stop_captures

# --- NetBIOS names answered: Samba's nmbd registers its names, then answers a query and a status
# request (nmblookup, nbtscan). Its files all go to the work directory.
for side in srv cli; do
  cat >"$work/smb-$side.conf" <<EOF
[global]
  netbios name = WIRELAB-${side^^}
  workgroup = WIRELAB
  interfaces = veth-$side
  bind interfaces only = yes
  local master = no
  domain master = no
  preferred master = no
  lock directory = $work/samba
  state directory = $work/samba
  cache directory = $work/samba
  pid directory = $work/samba
  private dir = $work/samba
  ncalrpc dir = $work/samba/ncalrpc
  log file = $work/samba/log.%m
EOF
done
mkdir -p "$work/samba"
capture nbns_nmbd.pcap 'udp port 137'
bg_srv nmbd -F --debug-stdout --configfile="$work/smb-srv.conf" --no-process-group \
  >"$work/nmbd.log" 2>&1
# nmbd answers only once its own names are registered (three broadcasts, 2 s apart).
sleep 7
in_cli timeout 5 nmblookup --configfile="$work/smb-cli.conf" -U 192.0.2.1 WIRELAB-SRV \
  >"$work/nmblookup.log" 2>&1 || true
in_cli timeout 5 nbtscan -v 192.0.2.1 >>"$work/nmblookup.log" 2>&1 || true
stop_captures

# --- A refused request (DHCP NAK) and the queries of a multicast router --------------------
# The client remembers a lease from another network (198.51.100.7): it asks for it again (INIT-
# REBOOT), the authoritative server refuses, the client starts over. Then a Linux bridge acting as
# multicast querier asks, with IGMPv2 and then IGMPv3 general queries, while the client is in a group.
cat >"$work/lease-old" <<'EOF'
lease {
  interface "veth-cli";
  fixed-address 198.51.100.7;
  option subnet-mask 255.255.255.0;
  option dhcp-server-identifier 198.51.100.1;
  renew 4 2037/01/01 00:00:00;
  rebind 4 2037/01/01 00:00:00;
  expire 4 2037/01/01 00:00:00;
}
EOF
capture dhcp_nak_igmp_query.pcap 'udp port 67 or udp port 68 or igmp'
bg_srv dnsmasq --no-daemon --conf-file=/dev/null --port=0 --interface=veth-srv --bind-interfaces \
  --dhcp-authoritative --dhcp-range=192.0.2.100,192.0.2.150,255.255.255.0,1h \
  --dhcp-leasefile="$work/leases-nak" --pid-file="$work/dnsmasq-nak.pid" --log-dhcp \
  >/dev/null 2>"$work/dnsmasq-nak.log"
sleep 1
ip netns exec "$cli" timeout 30 "${dh[@]}" -4 -lf "$work/lease-old" veth-cli >"$work/dhclient-nak.log" 2>&1 &
client=$!
for _ in $(seq 200); do grep -q 'bound to' "$work/dhclient-nak.log" && break; sleep 0.1; done
kill "$client" 2>/dev/null || true
wait "$client" 2>/dev/null || true
ip netns exec "$cli" timeout 14 socat -u UDP4-RECV:5004,ip-add-membership=239.1.2.5:veth-cli /dev/null &
member=$!
in_srv ip addr del 192.0.2.1/24 dev veth-srv
for version in 2 3; do
  in_srv ip link add br-query type bridge mcast_querier 1 mcast_igmp_version "$version"
  in_srv ip link set veth-srv master br-query
  in_srv ip link set br-query up
  sleep 6 # the query's maximum response time is 10 s; most answers come sooner
  in_srv ip link del br-query
done
wait "$member" 2>/dev/null || true
stop_captures

for f in dhcp dhcpv6 ntp ssdp_nbns_igmp ssdp_answer nbns_nmbd dhcp_nak_igmp_query; do
  echo "$f.pcap: $(tcpdump -r "$out/$f.pcap" -nn 2>/dev/null | wc -l) packets"
done
