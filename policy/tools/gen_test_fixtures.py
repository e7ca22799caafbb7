#!/usr/bin/python3
"""Record what the real oslo.policy + Neutron do, as golden data for the Java tests.

Writes into src/test/resources/dev/neutrino/policy/ (relative to policy/):
  oslo-sample.yaml   - `oslopolicy-sample-generator --namespace neutron` output
  parse-cases.json   - check strings and oslo's str() of the parsed tree, whether
                       parsing logged a failure / raised / gave a non-check
  decisions.json     - oslo-level Enforcer.enforce(rule, target, context) outcomes
                       for every Neutron rule x targets x personas x the four
                       (enforce_scope, enforce_new_defaults) combinations, and
                       Neutron-level neutron.policy.enforce(context, action, body)
                       outcomes/messages and GET attribute filtering.

Run with the Debian packaged OpenStack:
  cd policy && /usr/bin/python3 tools/gen_test_fixtures.py
(extract_neutron_policy.py must sit next to this script: the attribute map is built
the same way.)
"""
import json
import logging
import os
import random
import sys
import types
import warnings

warnings.simplefilter('ignore')
logging.disable(logging.CRITICAL)

# neutron.policy must be imported before neutron.conf.policies: RuleDefault
# parses its check string on construction, and only after neutron.policy has
# registered OwnerCheck ('tenant_id:') and FieldCheck ('field:') do those kinds
# parse as in neutron-server (which loads the defaults through entry points at
# policy init, long after neutron.policy is imported).
from neutron import policy as n_policy  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_neutron_policy as extract  # noqa: E402

from oslo_config import cfg  # noqa: E402
from oslo_policy import _checks  # noqa: E402
from oslo_policy import _parser  # noqa: E402
from oslo_policy import generator  # noqa: E402
from oslo_policy import policy as oslo_policy  # noqa: E402
from neutron_lib.api import attributes  # noqa: E402
from neutron_lib import context as n_context  # noqa: E402
from neutron_lib.plugins import constants as plugin_const  # noqa: E402
from neutron_lib.plugins import directory  # noqa: E402
from neutron_lib.policy import _engine as lib_engine  # noqa: E402
from neutron.pecan_wsgi.hooks import policy_enforcement  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'src', 'test', 'resources', 'dev', 'neutrino',
                   'policy')

# --------------------------------------------------------------- parent data
# The same data is served by the Java tests' ParentResolver.
PARENTS = {
    'network': {
        'net-a': {'tenant_id': 'proj-a', 'shared': False},
        'net-b': {'tenant_id': 'proj-b', 'shared': False},
        'net-s': {'tenant_id': 'proj-b', 'shared': True},
        'net-x': {'tenant_id': 'proj-b', 'shared': False,
                  'router:external': True},
    },
    'security_group': {
        'sg-a': {'tenant_id': 'proj-a'},
        'sg-b': {'tenant_id': 'proj-b'},
    },
    'router': {'r-a': {'tenant_id': 'proj-a'}, 'r-b': {'tenant_id': 'proj-b'}},
    'floatingip': {'fip-a': {'tenant_id': 'proj-a'}},
    'local_ip': {'lip-b': {'tenant_id': 'proj-b'}},
}


class FakePlugin(object):
    def _get(self, res, id, fields=None):
        from neutron_lib import exceptions
        try:
            item = dict(PARENTS[res][id])
        except KeyError:
            raise exceptions.NotFound()
        return item

    def get_network(self, context, id, fields=None):
        return self._get('network', id, fields)

    def get_security_group(self, context, id, fields=None):
        return self._get('security_group', id, fields)

    def get_router(self, context, id, fields=None):
        return self._get('router', id, fields)

    def get_floatingip(self, context, id, fields=None):
        return self._get('floatingip', id, fields)

    def get_local_ip(self, context, id, fields=None):
        return self._get('local_ip', id, fields)


def install_plugins():
    p = FakePlugin()
    for name in (plugin_const.CORE, plugin_const.L3,
                 plugin_const.CONNTRACKHELPER, plugin_const.LOCAL_IP):
        directory.add_plugin(name, p)


# --------------------------------------------------------------- personas
PERSONAS = {
    'admin_a': dict(user_id='u-admin', tenant_id='proj-a',
                    roles=['admin', 'member', 'reader']),
    'member_a': dict(user_id='u-ma', tenant_id='proj-a',
                     roles=['member', 'reader']),
    'MEMBER_a': dict(user_id='u-ma2', tenant_id='proj-a',
                     roles=['MEMBER', 'Reader']),
    'reader_a': dict(user_id='u-ra', tenant_id='proj-a', roles=['reader']),
    'noroles_a': dict(user_id='u-na', tenant_id='proj-a', roles=[]),
    'member_b': dict(user_id='u-mb', tenant_id='proj-b',
                     roles=['member', 'reader']),
    'advsvc_c': dict(user_id='u-adv', tenant_id='proj-c',
                     roles=['advsvc']),
    'sysadmin': dict(user_id='u-sys', system_scope='all',
                     roles=['admin', 'member', 'reader']),
    'sysreader': dict(user_id='u-sysr', system_scope='all',
                      roles=['reader']),
    'domadmin': dict(user_id='u-dom', domain_id='dom-1',
                     roles=['admin']),
}
PERSONA_ORDER = list(PERSONAS)

# oslo-level targets: generic resources covering every check kind in the
# defaults (owner, network owner through the plugin, shared/external fields,
# device_owner regex, rbac target_tenant, security group owner, ext_parent).
TARGETS = {
    'own': {'project_id': 'proj-a', 'tenant_id': 'proj-a',
            'network_id': 'net-a', 'security_group_id': 'sg-a',
            'ext_parent_router_id': 'r-a', 'shared': False,
            'router:external': False, 'device_owner': 'compute:nova',
            'target_tenant': 'proj-b', 'target_project': 'proj-b'},
    'other': {'project_id': 'proj-b', 'tenant_id': 'proj-b',
              'network_id': 'net-b', 'security_group_id': 'sg-b',
              'ext_parent_router_id': 'r-b',
              'device_owner': 'compute:nova', 'target_tenant': 'proj-c'},
    'other_shared': {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                     'network_id': 'net-s', 'shared': True,
                     'router:external': False,
                     'security_group_id': 'sg-b',
                     'ext_parent_floatingip_id': 'fip-a',
                     'target_tenant': '*', 'target_project': '*'},
    'other_on_own_net': {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                         'network_id': 'net-a', 'security_group_id': 'sg-a',
                         'ext_parent_local_ip_id': 'lip-b',
                         'device_owner': 'network:router_interface'},
    'external': {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                 'network_id': 'net-x', 'shared': False,
                 'router:external': True, 'security_group_id': 'sg-b',
                 'ext_parent_router_id': 'r-b'},
    'no_tenant': {'project_id': 'proj-a'},
}
TARGET_ORDER = list(TARGETS)

COMBOS = [(False, False), (False, True), (True, False), (True, True)]


def make_context(p):
    kw = dict(PERSONAS[p])
    return n_context.Context(**kw)


def configure(enforce_scope, enforce_new_defaults):
    cfg.CONF.set_override('enforce_scope', enforce_scope, group='oslo_policy')
    cfg.CONF.set_override('enforce_new_defaults', enforce_new_defaults,
                          group='oslo_policy')
    n_policy.reset()
    n_policy.init()
    lib_engine._ROLE_ENFORCER = None


def outcome(fn):
    try:
        fn()
        return 'A', None
    except oslo_policy.InvalidScope as e:
        return 'S', str(e)
    except oslo_policy.PolicyNotAuthorized as e:
        return 'D', str(e)
    except Exception as e:  # PolicyCheckError, KeyError, ...
        return 'E', type(e).__name__


# ------------------------------------------------------------ neutron cases
def port_b_on_a():
    return {'id': 'port-1', 'project_id': 'proj-b', 'tenant_id': 'proj-b',
            'network_id': 'net-a', 'mac_address': 'fa:16:3e:00:00:01',
            'device_owner': '', 'fixed_ips': []}


ACTION_CASES = [
    # action, target (body merged with what the API fills in), collection
    ('create_network', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                        'name': 'n'}, None),
    ('create_network', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                        'shared': False, 'router:external': False,
                        'admin_state_up': True}, None),
    ('create_network', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                        'shared': True}, None),
    ('create_network', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                        'provider:network_type': 'vlan',
                        'provider:physical_network': 'physnet1',
                        'provider:segmentation_id': 100}, None),
    ('create_network', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                        'port_security_enabled': False}, None),
    ('create_network', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                        'mtu': 1400}, None),
    ('create_network', {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                        'name': 'for someone else'}, None),
    ('get_network', {'id': 'net-a', 'project_id': 'proj-a',
                     'tenant_id': 'proj-a', 'shared': False,
                     'router:external': False}, None),
    ('get_network', {'id': 'net-b', 'project_id': 'proj-b',
                     'tenant_id': 'proj-b', 'shared': False,
                     'router:external': False}, None),
    ('get_network', {'id': 'net-s', 'project_id': 'proj-b',
                     'tenant_id': 'proj-b', 'shared': True,
                     'router:external': False}, None),
    ('get_network', {'id': 'net-x', 'project_id': 'proj-b',
                     'tenant_id': 'proj-b', 'shared': False,
                     'router:external': True}, None),
    ('update_network', {'id': 'net-a', 'project_id': 'proj-a',
                        'tenant_id': 'proj-a', 'shared': True,
                        'name': 'x',
                        'attributes_to_update': ['shared']}, None),
    ('update_network', {'id': 'net-a', 'project_id': 'proj-a',
                        'tenant_id': 'proj-a', 'shared': False,
                        'name': 'y',
                        'attributes_to_update': ['name']}, None),
    ('delete_network', {'id': 'net-a', 'project_id': 'proj-a',
                        'tenant_id': 'proj-a'}, None),
    ('delete_network', {'id': 'net-b', 'project_id': 'proj-b',
                        'tenant_id': 'proj-b'}, None),
    ('create_subnet', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                       'network_id': 'net-a', 'cidr': '10.0.0.0/24'}, None),
    ('create_subnet', {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                       'network_id': 'net-a', 'cidr': '10.0.1.0/24'}, None),
    ('create_subnet', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                       'network_id': 'net-s', 'cidr': '10.0.2.0/24'}, None),
    ('get_subnet', {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                    'network_id': 'net-s'}, None),
    ('get_subnet', {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                    'network_id': 'net-b'}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a'}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a', 'device_owner': '',
                     'fixed_ips': [{'subnet_id': 's-1'}]}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-s',
                     'fixed_ips': [{'subnet_id': 's-1',
                                    'ip_address': '10.0.0.5'}]}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a',
                     'mac_address': 'fa:16:3e:00:00:02',
                     'binding:host_id': 'compute-1',
                     'binding:profile': {'a': 'b'},
                     'binding:vnic_type': 'direct'}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a',
                     'binding:vnic_type': 'normal'}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a',
                     'allowed_address_pairs': [
                         {'ip_address': '10.0.0.9',
                          'mac_address': 'fa:16:3e:00:00:03'}]}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a',
                     'device_owner': 'network:dhcp'}, None),
    ('create_port', {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                     'network_id': 'net-a',
                     'device_owner': 'network:router_interface'}, None),
    ('create_port', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                     'network_id': 'net-a',
                     'port_security_enabled': False}, None),
    ('get_port', port_b_on_a(), None),
    ('get_port', dict(port_b_on_a(), network_id='net-b'), None),
    ('update_port', dict(port_b_on_a(),
                         fixed_ips=[{'subnet_id': 's-1',
                                     'ip_address': '10.0.0.7'}],
                         attributes_to_update=['fixed_ips']), None),
    ('update_port', dict(port_b_on_a(), name='p',
                         attributes_to_update=['name']), None),
    ('update_port', dict(port_b_on_a(), **{'binding:host_id': 'c2',
                         'attributes_to_update': ['binding:host_id']}),
     None),
    ('update_port', dict(port_b_on_a(), mac_address='fa:16:3e:00:00:09',
                         attributes_to_update=['mac_address']), None),
    ('delete_port', port_b_on_a(), None),
    ('create_router', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                       'external_gateway_info': {
                           'network_id': 'net-x'}}, None),
    ('create_router', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                       'external_gateway_info': {
                           'network_id': 'net-x', 'enable_snat': False,
                           'external_fixed_ips': [
                               {'ip_address': '172.24.4.10'}]}}, None),
    ('create_router', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                       'external_gateway_info': {
                           'network_id': 'net-x',
                           'qos_policy_id': 'q-1'}}, None),
    ('create_router', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                       'distributed': True, 'ha': False}, None),
    ('create_floatingip', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                           'floating_network_id': 'net-x',
                           'floating_ip_address': '172.24.4.20'}, None),
    ('create_security_group_rule', {'project_id': 'proj-b',
                                    'tenant_id': 'proj-b',
                                    'security_group_id': 'sg-a'}, None),
    ('create_security_group_rule', {'project_id': 'proj-a',
                                    'tenant_id': 'proj-a',
                                    'security_group_id': 'sg-a'}, None),
    ('create_rbac_policy', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                            'object_type': 'network', 'object_id': 'net-a',
                            'action': 'access_as_shared',
                            'target_tenant': '*'}, None),
    ('create_rbac_policy', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                            'object_type': 'network', 'object_id': 'net-a',
                            'action': 'access_as_shared',
                            'target_tenant': 'proj-b'}, None),
    ('create_subnetpool', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                           'shared': True, 'is_default': False}, None),
    ('create_trunk', {'project_id': 'proj-a', 'tenant_id': 'proj-a',
                      'port_id': 'p', 'sub_ports': [
                          {'port_id': 'p2', 'segmentation_type': 'vlan',
                           'segmentation_id': 10}]}, None),
    ('update_quota', {'project_id': 'proj-a', 'tenant_id': 'proj-a'},
     'quotas'),
    ('get_policy', {'project_id': 'proj-b', 'tenant_id': 'proj-b',
                    'shared': True}, 'policies'),
    ('create_network', {'project_id': 'proj-a'}, None),
]

GET_CASES = [
    ('port', 'ports', dict(port_b_on_a(), **{
        'name': 'p', 'status': 'ACTIVE', 'binding:host_id': 'compute-1',
        'binding:vif_type': 'ovs', 'binding:vif_details': {'a': 1},
        'binding:profile': {}, 'binding:vnic_type': 'normal',
        'resource_request': None, 'not_in_attribute_map': 1})),
    ('network', 'networks', {
        'id': 'net-a', 'project_id': 'proj-a', 'tenant_id': 'proj-a',
        'name': 'n', 'shared': False, 'router:external': False,
        'provider:network_type': 'vxlan',
        'provider:physical_network': None,
        'provider:segmentation_id': 42, 'segments': [], 'mtu': 1450}),
    ('network', 'networks', {
        'id': 'net-s', 'project_id': 'proj-b', 'tenant_id': 'proj-b',
        'name': 'shared one', 'shared': True, 'router:external': False,
        'provider:network_type': 'vxlan'}),
    ('router', 'routers', {
        'id': 'r-a', 'project_id': 'proj-a', 'tenant_id': 'proj-a',
        'distributed': False, 'ha': False,
        'external_gateway_info': None}),
]


def neutron_cases():
    out = []
    for es, end in COMBOS:
        configure(es, end)
        for i, (action, target, coll) in enumerate(ACTION_CASES):
            row = {'combo': [es, end], 'case': i, 'results': {}}
            rules = n_policy._process_rules_list(
                [], n_policy._build_match_rule(action, dict(target), coll))
            row['rules'] = rules
            for p in PERSONA_ORDER:
                ctx = make_context(p)
                res, msg = outcome(lambda: n_policy.enforce(
                    ctx, action, dict(target), pluralized=coll))
                row['results'][p] = [res, msg]
            out.append(row)
    return out


def get_cases():
    out = []
    hook = policy_enforcement.PolicyHook
    for es, end in COMBOS:
        configure(es, end)
        for i, (resource, coll, item) in enumerate(GET_CASES):
            row = {'combo': [es, end], 'case': i, 'results': {}}
            controller = types.SimpleNamespace(
                resource_info=attributes.RESOURCES.get(coll, {}))
            for p in PERSONA_ORDER:
                ctx = make_context(p)
                try:
                    excl = hook._exclude_attributes_by_policy(
                        None, ctx, controller, resource, coll, dict(item))
                    row['results'][p] = sorted(set(excl))
                except Exception as e:
                    row['results'][p] = 'E:' + type(e).__name__
            out.append(row)
    return out


def rule_cases(rule_names):
    out = []
    for es, end in COMBOS:
        configure(es, end)
        enforcer = n_policy._ENFORCER
        for name in rule_names:
            row = {'combo': [es, end], 'rule': name, 'results': {}}
            for t in TARGET_ORDER:
                s = ''
                for p in PERSONA_ORDER:
                    ctx = make_context(p)
                    res, _ = outcome(lambda: enforcer.enforce(
                        name, dict(TARGETS[t]), ctx, do_raise=True))
                    s += res
                row['results'][t] = s
            out.append(row)
        # effective rules as oslo sees them (for the str() comparison)
    return out


def effective_strs():
    out = {}
    for es, end in COMBOS:
        configure(es, end)
        enforcer = n_policy._ENFORCER
        enforcer.load_rules()
        out['%s,%s' % (es, end)] = {k: str(v)
                                    for k, v in enforcer.rules.items()}
    return out


# --------------------------------------------------------------- parse cases
CRAFTED = [
    '', ' ', '@', '!', 'role:admin', 'rule:a or rule:b and rule:c',
    'rule:a and rule:b or rule:c', 'not rule:a and rule:b',
    'not (rule:a and rule:b)', 'rule:a or not rule:b and rule:c',
    '(rule:a or rule:b) and rule:c', 'rule:a or (rule:b and rule:c) and rule:d',
    '((rule:a))', 'rule:a AND rule:b Or rule:c', 'NOT rule:a',
    'rule:a and', 'and rule:a', 'rule:a rule:b', '(rule:a', 'rule:a)',
    '( rule:a )', '(rule:a or rule:b', "'quoted'", '"quoted"',
    "rule:a or 'quoted'", "'member':%(role.name)s", 'True:%(enabled)s',
    'project_id:%(project_id)s', 'role:%(role)s', 'admin',
    'rule:a or admin', 'is_admin:True', 'field:networks:shared=True',
    'field:networks:router:external=True', 'field:port:device_owner=~^network:',
    'field:rbac_policy:target_tenant=*', 'field:networks:shared=maybe',
    'field:networks', 'field:networks:shared', 'tenant_id:%(tenant_id)s',
    'tenant_id:%(network:tenant_id)s', 'tenant_id:proj-a',
    'rule:a or rule:b or rule:c and rule:d and rule:e or rule:f',
    'not not rule:a', 'rule:a and not not rule:b or (not rule:c)',
    '(rule:a) or ((rule:b and rule:c) or rule:d) and rule:e',
    'role:admin or (role:member and project_id:%(project_id)s)',
    '(role:admin) or (role:reader and project_id:%(project_id)s)',
    'rule:admin_only or role:member and project_id:%(project_id)s',
    '((rule:a or rule:b) and (rule:c or rule:d))', '()', '( )',
    'rule:a\tor\nrule:b', "'a:b'", "'a b'", 'not', 'or', '(', ')',
    'role:ADMIN', 'user.id:%(user_id)s', '%(x)s:%(y)s', 'rule:',
    ':x', 'rule:a:b', 'role:a)b', 'role:(x', "('quoted')",
]

CHECK_ATOMS = ['role:admin', 'rule:r1', 'rule:r2', 'project_id:%(project_id)s',
               '@', '!', "'x':%(y)s", 'True:%(a)s', 'role:member',
               'field:networks:shared=True', 'tenant_id:%(tenant_id)s']
SOUP = CHECK_ATOMS + ['and', 'or', 'not', 'AND', 'Or', 'NOT', "'str'",
                      'bare', '(', ')', '()']


def gen_expr(rnd, depth):
    r = rnd.random()
    if depth <= 0 or r < 0.3:
        return rnd.choice(CHECK_ATOMS)
    if r < 0.45:
        return 'not ' + gen_expr(rnd, depth - 1)
    if r < 0.6:
        return '(' + gen_expr(rnd, depth - 1) + ')'
    op = rnd.choice(['and', 'or', 'and', 'or', 'AND', 'Or'])
    return gen_expr(rnd, depth - 1) + ' ' + op + ' ' + gen_expr(rnd, depth - 1)


def respace(rnd, s):
    # randomly attach/detach parentheses and vary whitespace
    out = []
    for ch in s:
        if ch == ' ':
            out.append(rnd.choice([' ', ' ', '  ', '\t']))
        elif ch in '()' and rnd.random() < 0.3:
            out.append(' ' + ch + ' ')
        else:
            out.append(ch)
    return ''.join(out)


def parse_cases():
    rnd = random.Random(20221005)
    strings = list(CRAFTED)
    for _ in range(1500):
        strings.append(respace(rnd, gen_expr(rnd, rnd.randint(1, 6))))
    for _ in range(1000):
        n = rnd.randint(1, 8)
        parts = []
        for _ in range(n):
            tok = rnd.choice(SOUP)
            if rnd.random() < 0.2:
                tok = '(' * rnd.randint(1, 2) + tok
            if rnd.random() < 0.2:
                tok = tok + ')' * rnd.randint(1, 2)
            parts.append(tok)
        strings.append(' '.join(parts))
    seen = set()
    out = []
    failed = [False]

    def flag(*a, **k):
        failed[0] = True

    _parser.LOG.exception = flag
    _parser.LOG.error = flag
    for s in strings:
        if s in seen:
            continue
        seen.add(s)
        failed[0] = False
        try:
            r = _parser.parse_rule(s)
        except Exception as e:
            out.append({'rule': s, 'error': type(e).__name__})
            continue
        if not isinstance(r, _checks.BaseCheck):
            out.append({'rule': s, 'noncheck': True})
            continue
        out.append({'rule': s, 'str': str(r), 'failed': failed[0]})
    return out


def main():
    cfg.CONF([], project='neutron')
    attrs = extract.merged_attribute_map()
    attributes.RESOURCES.clear()
    attributes.RESOURCES.update(attrs)
    install_plugins()
    os.makedirs(OUT, exist_ok=True)

    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        generator._generate_sample(['neutron'], None)
    with open(os.path.join(OUT, 'oslo-sample.yaml'), 'w') as f:
        f.write(buf.getvalue())

    pc = parse_cases()
    with open(os.path.join(OUT, 'parse-cases.json'), 'w') as f:
        json.dump(pc, f, indent=0)
        f.write('\n')

    import neutron.conf.policies as neutron_policies
    names = [r.name for r in neutron_policies.list_rules()]
    names += ['no_such_rule']
    doc = {
        'personas': PERSONAS,
        'persona_order': PERSONA_ORDER,
        'parents': PARENTS,
        'targets': TARGETS,
        'target_order': TARGET_ORDER,
        'rules': rule_cases(names),
        'effective_str': effective_strs(),
        'actions': [{'action': a, 'target': t, 'collection': c}
                    for a, t, c in ACTION_CASES],
        'action_results': neutron_cases(),
        'gets': [{'resource': r, 'collection': c, 'item': i}
                 for r, c, i in GET_CASES],
        'get_results': get_cases(),
    }
    with open(os.path.join(OUT, 'decisions.json'), 'w') as f:
        json.dump(doc, f, indent=0, sort_keys=False)
        f.write('\n')
    print('parse cases: %d, rule rows: %d, action rows: %d' % (
        len(pc), len(doc['rules']), len(doc['action_results'])))


if __name__ == '__main__':
    main()
