#!/usr/bin/python3
"""Extract Neutron's in-code policy defaults and API attribute map.

Writes (relative to the policy/ module):
  src/main/resources/dev/neutrino/policy/neutron-zed-policy.json
      every RuleDefault / DocumentedRuleDefault registered under the
      ``neutron`` oslo.policy namespace, in registration order (the order the
      sample generator uses): name, check_str, description, operations,
      scope_types, deprecated_rule, deprecated_for_removal/_reason/_since.
  src/main/resources/dev/neutrino/policy/neutron-zed-attributes.json
      the per-collection API attribute metadata neutron/policy.py consults:
      enforce_policy, default, convert_to, is_visible and the keys of
      ``type:dict*`` validators (sub-attribute rules). Built the way
      neutron.api.extensions.ExtensionManager.extend_resources does it, from
      neutron_lib's core RESOURCES plus every extension in neutron.extensions.

Run with the Debian packaged OpenStack (python3-neutron, python3-oslo.policy):
  cd policy && /usr/bin/python3 tools/extract_neutron_policy.py
"""
import copy
import importlib
import inspect
import json
import logging
import os
import pkgutil
import sys
import warnings

warnings.simplefilter('ignore')
logging.disable(logging.CRITICAL)

from neutron_lib.api import attributes  # noqa: E402
from neutron_lib.api import extensions as lib_ext  # noqa: E402
from neutron_lib import constants  # noqa: E402
import neutron.conf.policies as neutron_policies  # noqa: E402
import neutron.extensions as neutron_extensions  # noqa: E402
from neutron.api import extensions as neutron_api_ext  # noqa: E402
import neutron.services.trunk.models  # noqa: E402,F401  (trunks: standard attributes)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'src', 'main', 'resources', 'dev', 'neutrino',
                   'policy')


def versions():
    import importlib.metadata as md
    return {p: md.version(p) for p in ('neutron', 'neutron-lib',
                                        'oslo.policy')}


def rule_json(r):
    d = r.deprecated_rule or None
    return {
        'name': r.name,
        'check_str': r.check_str,
        'description': r.description,
        'operations': getattr(r, 'operations', None),
        'scope_types': r.scope_types,
        'deprecated_rule': None if not d else {
            'name': d.name,
            'check_str': d.check_str,
            'deprecated_reason': d.deprecated_reason,
            'deprecated_since': d.deprecated_since,
        },
        'deprecated_for_removal': r.deprecated_for_removal,
        'deprecated_reason': r.deprecated_reason,
        'deprecated_since': r.deprecated_since,
    }


def merged_attribute_map():
    attr_map = copy.deepcopy(attributes.RESOURCES)
    exts = {}
    for m in sorted(pkgutil.iter_modules(neutron_extensions.__path__),
                    key=lambda m: m.name):
        try:
            mod = importlib.import_module('neutron.extensions.' + m.name)
        except Exception as e:  # pragma: no cover - depends on install
            print('skipping extension module %s: %s' % (m.name, e),
                  file=sys.stderr)
            continue
        for _n, c in inspect.getmembers(mod, inspect.isclass):
            if c.__module__ != mod.__name__:
                continue
            if (issubclass(c, lib_ext.ExtensionDescriptor) and c not in
                    (lib_ext.ExtensionDescriptor,
                     lib_ext.APIExtensionDescriptor)):
                try:
                    inst = c()
                    exts[inst.get_alias()] = inst
                except Exception as e:  # pragma: no cover
                    print('skipping extension %s: %s' % (c, e),
                          file=sys.stderr)
    mgr = neutron_api_ext.ExtensionManager.__new__(
        neutron_api_ext.ExtensionManager)
    mgr.extensions = exts
    mgr.extend_resources('2.0', attr_map)
    return attr_map


def jsonable_default(v):
    if v is constants.ATTR_NOT_SPECIFIED:
        return {'__sentinel__': 'ATTR_NOT_SPECIFIED'}
    json.dumps(v)
    return v


def attributes_json(attr_map):
    out = {}
    for coll in sorted(attr_map):
        attrs = attr_map[coll]
        if 'parameters' in attrs and 'parent' in attrs:
            continue  # sub-resource: neutron/policy.py never matches these
        res = {}
        for name in attrs:  # keep insertion order: it is the order
            # neutron/policy.py builds attribute sub-rules in
            a = attrs[name]
            if not isinstance(a, dict):
                continue
            e = {'is_visible': bool(a.get('is_visible', False))}
            if 'enforce_policy' in a:
                e['enforce_policy'] = True
            if 'default' in a:
                e['default'] = jsonable_default(a['default'])
            conv = a.get('convert_to')
            if conv is not None:
                e['convert_to'] = getattr(conv, '__name__', str(conv))
            validate = a.get('validate') or {}
            dict_keys = [k for k in validate if k.startswith('type:dict')]
            if dict_keys:
                data = validate[dict_keys[0]]
                e['validate_dict'] = any(k.startswith('type:dict') and v
                                         for k, v in validate.items())
                if isinstance(data, dict):
                    e['dict_keys'] = list(data)
            res[name] = e
        out[coll] = res
    return out


def main():
    rules = [rule_json(r) for r in neutron_policies.list_rules()]
    doc = {'generated_by': 'policy/tools/extract_neutron_policy.py',
           'versions': versions(), 'rules': rules}
    with open(os.path.join(OUT, 'neutron-zed-policy.json'), 'w') as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write('\n')
    attrs = {'generated_by': 'policy/tools/extract_neutron_policy.py',
             'versions': versions(),
             'resources': attributes_json(merged_attribute_map())}
    with open(os.path.join(OUT, 'neutron-zed-attributes.json'), 'w') as f:
        json.dump(attrs, f, indent=1, sort_keys=False)
        f.write('\n')
    print('wrote %d rules, %d collections' % (len(rules),
                                              len(attrs['resources'])))


if __name__ == '__main__':
    main()
