#!/usr/bin/python3
"""Prepares Nova (scripts/nova-services.sh) for tempest's compute tests, as the cloud admin (stdlib only).

Finds the image `cirros` and the flavor `m1.nano`, creates a second flavor `m1.micro` (id 84, a little
more RAM) when missing so that the resize tests have a flavor to resize to, checks that both compute
hosts are up, and prints shell assignments for run.sh:

    IMAGE_REF=<uuid>
    FLAVOR_REF=42
    FLAVOR_REF_ALT=84
"""
import argparse
import sys
import time

import prepare  # beside this file: its JSON request helper


def call(method, url, token=None, body=None, ok=(200, 201, 202, 204), headers=None):
    return prepare.call(method, url, token, body, ok, headers)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--keystone", default="http://127.0.0.1:5000/v3")
    p.add_argument("--admin-password", default="admin")
    p.add_argument("--nova", default="http://127.0.0.1:8774/v2.1")
    p.add_argument("--glance", default="http://127.0.0.1:9292")
    p.add_argument("--hosts", default="compute1,compute2")
    a = p.parse_args()

    auth = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"id": "default"}, "password": a.admin_password}}},
        "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
    _, headers, _ = call("POST", a.keystone.rstrip("/") + "/auth/tokens", body=auth)
    token = headers.get("X-Subject-Token") or headers.get("x-subject-token")

    _, _, images = call("GET", a.glance + "/v2/images?name=cirros&status=active", token)
    if not images["images"]:
        sys.exit("prepare_nova: no active image cirros (scripts/nova-services.sh uploads it)")
    image = images["images"][0]["id"]

    _, _, flavors = call("GET", a.nova + "/flavors", token)
    by_name = {f["name"]: f["id"] for f in flavors["flavors"]}
    if "m1.nano" not in by_name:
        sys.exit("prepare_nova: no flavor m1.nano (scripts/nova-services.sh creates it)")
    if "m1.micro" not in by_name:
        _, _, made = call("POST", a.nova + "/flavors", token, {"flavor": {
            "name": "m1.micro", "id": "84", "ram": 128, "vcpus": 1, "disk": 1}})
        by_name["m1.micro"] = made["flavor"]["id"]

    # both compute services up and enabled (an earlier scenario may have left one disabled)
    want = set(a.hosts.split(","))
    mv = {"OpenStack-API-Version": "compute 2.53"}
    for _ in range(120):
        _, _, svcs = call("GET", a.nova + "/os-services?binary=nova-compute", token, headers=mv)
        svcs = [s for s in svcs["services"] if s["host"] in want]
        for s in svcs:
            if s["status"] != "enabled":
                call("PUT", a.nova + "/os-services/" + s["id"], token, {"status": "enabled"}, headers=mv)
        if len(svcs) == len(want) and all(s["state"] == "up" for s in svcs):
            break
        time.sleep(1)
    else:
        sys.exit(f"prepare_nova: compute services {sorted(want)} are not all up")

    print(f"IMAGE_REF={image}")
    print(f"FLAVOR_REF={by_name['m1.nano']}")
    print(f"FLAVOR_REF_ALT={by_name['m1.micro']}")


if __name__ == "__main__":
    main()
