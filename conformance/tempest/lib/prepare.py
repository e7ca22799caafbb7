#!/usr/bin/python3
"""Prepares a networking server for tempest, as the cloud admin (stdlib only).

Authenticates to Keystone, finds the network endpoint in the catalog, lists the server's extension
aliases and makes sure an external flat network `public` with a subnet exists. Prints shell
assignments for run.sh:

    NETWORK_URL=http://127.0.0.1:9696
    API_EXTENSIONS=address-scope,agent,...
    PUBLIC_NETWORK_ID=<uuid>
"""
import argparse
import json
import os
import sys
import urllib.error
import urllib.request


def call(method, url, token=None, body=None, ok=(200, 201, 204), headers=None):
    """One JSON request: (status, headers, body); exits naming the script on an unexpected answer."""
    me = os.path.basename(sys.argv[0]).removesuffix(".py")
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Accept", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            text = resp.read().decode()
            return resp.status, dict(resp.headers), (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode(errors="replace")
        if e.code in ok:
            return e.code, dict(e.headers), (json.loads(text) if text else None)
        sys.exit(f"{me}: {method} {url} answered {e.code}: {text[:500]}")
    except (urllib.error.URLError, OSError) as e:
        sys.exit(f"{me}: {method} {url} failed: {e}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--keystone", default="http://127.0.0.1:5000/v3")
    p.add_argument("--admin-password", default="admin")
    p.add_argument("--region", default="RegionOne")
    p.add_argument("--network-url", help="skip the catalog and use this endpoint")
    p.add_argument("--physnet", default="public")
    p.add_argument("--cidr", default="172.24.4.0/24")
    p.add_argument("--gateway", default="172.24.4.1")
    p.add_argument("--delete-public", action="store_true",
                   help="delete the external network public (and its subnets) and the admin project's "
                        "security groups instead")
    a = p.parse_args()

    auth = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"id": "default"}, "password": a.admin_password}}},
        "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
    _, headers, body = call("POST", a.keystone.rstrip("/") + "/auth/tokens", body=auth)
    token = headers.get("X-Subject-Token") or headers.get("x-subject-token")

    url = a.network_url
    if not url:
        for service in body["token"].get("catalog", []):
            if service["type"] != "network":
                continue
            for ep in service["endpoints"]:
                if ep["interface"] == "public" and ep.get("region_id", ep.get("region")) == a.region:
                    url = ep["url"]
        if not url:
            sys.exit("prepare: no public network endpoint in Keystone's catalog "
                     "(run scripts/keystone-services.sh)")
    url = url.rstrip("/")

    if a.delete_public:
        _, _, nets = call("GET", url + "/v2.0/networks?name=public", token)
        for n in nets["networks"]:
            if n.get("router:external"):
                call("DELETE", url + "/v2.0/networks/" + n["id"], token, ok=(204, 404, 409))
        # and the admin project's security groups (its default one, made on its first request):
        # with OVN each is a port group that would outlive the server
        project = body["token"]["project"]["id"]
        _, _, groups = call("GET", url + "/v2.0/security-groups?project_id=" + project, token)
        for g in groups["security_groups"]:
            call("DELETE", url + "/v2.0/security-groups/" + g["id"], token, ok=(204, 404, 409))
        return

    _, _, ext = call("GET", url + "/v2.0/extensions", token)
    aliases = sorted(e["alias"] for e in ext["extensions"])

    _, _, nets = call("GET", url + "/v2.0/networks?name=public", token)
    nets = [n for n in nets["networks"] if n.get("router:external")]
    if nets:
        net = nets[0]
    else:
        spec = {"name": "public", "router:external": True, "admin_state_up": True}
        if "provider" in aliases:
            spec["provider:network_type"] = "flat"
            spec["provider:physical_network"] = a.physnet
        _, _, created = call("POST", url + "/v2.0/networks", token, {"network": spec})
        net = created["network"]
    if not net.get("subnets"):
        call("POST", url + "/v2.0/subnets", token, {"subnet": {
            "name": "public-subnet", "network_id": net["id"], "ip_version": 4, "cidr": a.cidr,
            "gateway_ip": a.gateway, "enable_dhcp": False}})

    print(f"NETWORK_URL={url}")
    print(f"API_EXTENSIONS={','.join(aliases)}")
    print(f"PUBLIC_NETWORK_ID={net['id']}")


if __name__ == "__main__":
    main()
