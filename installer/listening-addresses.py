"""Checks, from Linux's /proc/net/tcp and tcp6, that whatever listens on a port listens on loopback addresses only.
Usage: python3 installer/listening-addresses.py PORT"""
import ipaddress
import sys

port = int(sys.argv[1])
found = []
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    for line in open(table).read().splitlines()[1:]:
        fields = line.split()
        address, hexport = fields[1].split(":")
        if fields[3] == "0A" and int(hexport, 16) == port:
            raw = bytes.fromhex(address)
            # /proc prints each 32-bit word of the address in the machine's (little-endian) byte order
            ip = ipaddress.ip_address(b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4)))
            if ip.version == 6 and ip.ipv4_mapped:
                ip = ip.ipv4_mapped
            found.append(ip)
if not found:
    sys.exit(f"nothing listens on port {port}")
if not all(ip.is_loopback for ip in found):
    sys.exit(f"port {port} listens on {[str(ip) for ip in found]}: not only on loopback")
print(f"port {port} listens on {[str(ip) for ip in found]}: loopback only, OK")
