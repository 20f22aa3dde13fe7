#!/usr/bin/env python3
"""Self-check of the proposed outlets.yaml and versions.yaml (issue #19).
Usage: python3 check.py [OLD_VERSIONS_YAML]  (default /work/main/data/versions.yaml, read only)."""
import datetime, re, sys, collections
from urllib.parse import urlsplit
import yaml

HERE = __file__.rsplit('/', 1)[0] or '.'
OLD = sys.argv[1] if len(sys.argv) > 1 else '/work/main/data/versions.yaml'
PLAN = '/work/main/data/plan_28_points.yaml'
CITABLE = {'wire', 'newspaper', 'broadcaster', 'magazine', 'news-site', 'official', 'state-media', 'think-tank'}
EXCLUDED = {'disinformation', 'content-farm', 'blog', 'republisher', 'machine-written'}
STRICT = {'wire', 'newspaper', 'broadcaster', 'official'}
class Loader(yaml.SafeLoader):
    pass
# keep dates as text, so that an impossible date (2025-02-30) is reported, not a crash
Loader.yaml_implicit_resolvers = {k: [(t, r) for t, r in v if t != 'tag:yaml.org,2002:timestamp']
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
def load(path): return yaml.load(open(path), Loader=Loader)
errors = []
def err(msg): errors.append(msg)

reg = load(f'{HERE}/outlets.yaml')
outlets = {}
for o in reg['outlets']:
    if set(o) != {'id', 'name', 'kind', 'country', 'hosts'}: err(f'outlet {o.get("id")}: keys {sorted(o)}')
    if not re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', str(o['id'])): err(f'outlet id not kebab-case: {o["id"]}')
    if o['id'] in outlets: err(f'duplicate outlet id {o["id"]}')
    if o['kind'] not in CITABLE | EXCLUDED: err(f'outlet {o["id"]}: unknown kind {o["kind"]}')
    if not re.fullmatch(r'[A-Z]{2}', str(o['country'])): err(f'outlet {o["id"]}: country {o["country"]}')
    for h in o['hosts']:
        if h.startswith('www.') or '/' in h or h != h.lower(): err(f'outlet {o["id"]}: host {h} not a bare host')
    outlets[o['id']] = o
host_owner = {}
for o in outlets.values():
    for h in o['hosts']:
        if h in host_owner: err(f'host {h} in both {host_owner[h]} and {o["id"]}')
        host_owner[h] = o['id']

def host_of(url): return (urlsplit(url).hostname or '').lower()
def owner_of_host(host):
    parts = host.split('.')
    for i in range(len(parts) - 1):
        cand = '.'.join(parts[i:])
        if cand in host_owner: return host_owner[cand]
    return None
def host_matches(host, hosts): return any(host == h or host.endswith('.' + h) for h in hosts)

new = load(f'{HERE}/versions.yaml')
refs = {}
for r in new['references']:
    rid = r['id']
    if rid in refs: err(f'duplicate reference id {rid}')
    refs[rid] = r
    if not set(r) <= {'id', 'outlet', 'read_at', 'headline', 'date', 'url'} or not {'id', 'outlet', 'headline', 'date', 'url'} <= set(r):
        err(f'{rid}: keys {sorted(r)}')
    for field in ('outlet', 'read_at'):
        if field not in r: continue
        o = outlets.get(r[field])
        if o is None: err(f'{rid}: {field} {r[field]!r} is not in outlets.yaml'); continue
        if o['kind'] in EXCLUDED: err(f'{rid}: {field} {o["id"]} is of excluded kind {o["kind"]}')
    if r.get('read_at') == r.get('outlet'): err(f'{rid}: read_at equals outlet')
    page = outlets.get(r.get('read_at') or r['outlet'])
    if page and not host_matches(host_of(r['url']), page['hosts']):
        err(f'{rid}: url host {host_of(r["url"])} not among {page["id"]} hosts {page["hosts"]}')
    if not str(r['url']).startswith(('http://', 'https://')): err(f'{rid}: url {r["url"]}')
    d = r['date']
    if d is not None:
        try:
            if not re.fullmatch(r'\d{4}-\d{2}-\d{2}', str(d)): raise ValueError
            datetime.date.fromisoformat(str(d))
        except ValueError: err(f'{rid}: date {d!r} is not a real YYYY-MM-DD date')
    if not isinstance(r['headline'], str) or not r['headline'].strip(): err(f'{rid}: headline')

# citations
plan = load(PLAN)
clauses = {c['number']: c for c in plan['clauses']}
topics = {t['id'] for t in plan['topics']}; parties = {p['id'] for p in plan['parties']}
used = collections.Counter()
facts = []   # (label, [ref ids])
def cite_list(where, ids):
    if not ids: err(f'{where}: cites nothing')
    for i in ids:
        used[i] += 1
        if i not in refs: err(f'{where}: cites undefined reference {i}')
VKEYS = {'id','title','date','date_note','drafted_by','relayed_by','text_status','declared_points','summary','cite','accounts','points','drops'}
PKEYS = {'number','title','summary','figures','topics','parties','lineage','cite','accounts'}
prev = None
for v in new['versions']:
    vid = v['id']
    if not set(v) <= VKEYS: err(f'{vid}: unknown keys {set(v)-VKEYS}')
    if prev and str(v['date']) < str(prev): err(f'{vid}: date out of order')
    prev = v['date']
    cite_list(f'{vid}.cite', v['cite']); facts.append((f'{vid} (version)', v['cite']))
    for a in v.get('accounts', []): cite_list(f'{vid}.accounts', [a['cite']])
    derived = set(); nums = set()
    if len(v.get('points', [])) > v['declared_points']: err(f'{vid}: more points than declared')
    for p in v.get('points', []):
        where = f'{vid} point {p.get("number", p["title"])}'
        if not set(p) <= PKEYS: err(f'{where}: unknown keys {set(p)-PKEYS}')
        if p.get('number') is not None:
            if p['number'] in nums: err(f'{where}: number twice')
            nums.add(p['number'])
        for t in p['topics']:
            if t not in topics: err(f'{where}: topic {t}')
        for t in p['parties']:
            if t not in parties: err(f'{where}: party {t}')
        lin = p['lineage']; kind = lin['kind']; frm = lin.get('from', [])
        if kind == 'new' and frm: err(f'{where}: new with clauses')
        if kind == 'merged' and len(frm) < 2: err(f'{where}: merged from <2')
        if kind in ('kept', 'amended', 'split') and len(frm) != 1: err(f'{where}: {kind} from {frm}')
        for c in frm:
            if c not in clauses: err(f'{where}: clause {c}')
        derived |= set(frm)
        for fc in lin.get('figures_changed', []):
            if fc['was'] not in clauses[frm[0]]['text'] + ' '.join(clauses[frm[0]].get('subpoints') or []):
                err(f'{where}: was {fc["was"]!r} not in clause')
        cite_list(where, p['cite']); facts.append((where, p['cite']))
        for a in p.get('accounts', []): cite_list(where + ' account', [a['cite']])
    for d in v.get('drops', []):
        where = f'{vid} drop {d["clause"]}'
        if d['clause'] in derived: err(f'{where}: a point still derives from the dropped clause')
        cite_list(where, d['cite']); facts.append((where, d['cite']))
for rid in refs:
    if not used[rid]: err(f'reference {rid} is cited nowhere')

# counts
print('== checks:', 'PASS' if not errors else f'FAIL ({len(errors)})')
for e in errors: print('  ERROR', e)
old = load(OLD)
def kind_of_old(r):
    o = owner_of_host(host_of(r['url']))
    return (o, outlets[o]['kind']) if o else (None, 'unregistered')
ok = collections.Counter(kind_of_old(r)[1] for r in old['references'])
nk = collections.Counter(outlets[r['outlet']]['kind'] for r in refs.values())
nk_page = collections.Counter(outlets[r.get('read_at') or r['outlet']]['kind'] for r in refs.values())
def share(c, keys): n = sum(c[k] for k in keys); return f'{n} of {sum(c.values())} ({100*n/sum(c.values()):.1f} %)'
print(f'== references: before {len(old["references"])}, after {len(refs)}')
print('   before, by kind of the host cited:', dict(sorted(ok.items())))
print('   after, by kind of the reporting outlet:', dict(sorted(nk.items())))
print('   after, by kind of the page read (read_at, else outlet):', dict(sorted(nk_page.items())))
print('   before, wire/newspaper/broadcaster/official (host):', share(ok, STRICT))
print('   after,  wire/newspaper/broadcaster/official (outlet):', share(nk, STRICT))
print('   after,  any citable newsroom incl. news-site, magazine (outlet):', share(nk, CITABLE - {'state-media'}))
print('   before, excluded kinds (host):', share(ok, EXCLUDED))
print('   after,  excluded kinds as outlet or read_at:', sum(1 for r in refs.values() if outlets[r['outlet']]['kind'] in EXCLUDED or outlets.get(r.get('read_at'), {'kind': ''})['kind'] in EXCLUDED))
print('   relays (read_at):', sum(1 for r in refs.values() if 'read_at' in r), '; undated:', sum(1 for r in refs.values() if r['date'] is None),
      '; headline not shown:', sum(1 for r in refs.values() if r['headline'].startswith('(')))
one = [(w, sorted({refs[i]['outlet'] for i in ids})) for w, ids in facts if len({refs[i]['outlet'] for i in ids}) == 1]
print(f'== facts (versions, points, drops): {len(facts)}; resting on one reporting outlet: {len(one)}')
for w, o in one: print(f'   {w}: {o[0]}')
sys.exit(1 if errors else 0)
