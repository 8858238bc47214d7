#!/usr/bin/env python3
# Access sweep: a `public` declaration in Sources/Locus that no client (the locus executables, the plain-import
# tests) names, and that no kept public signature needs, becomes internal.
# Kept public: what Sources/locus, Sources/locus-fuzz, the benchmarks and the tests that import Locus without
# @testable name (any identifier in their code), protocol witnesses, and what a kept public signature needs.
# Usage: python3 scripts/access-sweep.py [--apply] [--only DIR...] [--keep NAME...]
import os, re, sys
root = 'Sources/Locus'
apply = '--apply' in sys.argv
only, keep_extra, mode = [], set(), None
for a in sys.argv[1:]:
    if a in ('--only', '--keep'): mode = a; continue
    if a.startswith('--'): mode = None; continue
    (only.append(a) if mode == '--only' else keep_extra.add(a))
def strip(t):
    t = re.sub(r'"""[\s\S]*?"""', lambda m: '\n' * m.group(0).count('\n'), t)
    t = re.sub(r'//[^\n]*', '', t)
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', t)
clients = []
for d in ['Sources/locus', 'Sources/locus-fuzz', 'Tests/EndToEndTests'] + sorted('Benchmarks/Benchmarks/' + b for b in os.listdir('Benchmarks/Benchmarks')):
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        if f.endswith('.swift') and not (d.startswith('Tests') and re.search(r'^@testable import Locus', open(p).read(), re.M)):
            clients.append(p)
used = set(keep_extra)
for p in clients: used |= set(re.findall(r'[A-Za-z_]\w*', re.sub(r'//[^\n]*', '', open(p).read())))
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.swift'))
typedecl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|private|fileprivate|final|indirect)\s+)*(struct|class|enum|protocol|actor|extension)\s+([\w.]+)', re.M)
pubdecl = re.compile(r'^(\s*(?:@\w+(?:\([^)]*\))?\s+)*)public\s+((?:(?:static|final|override|mutating|nonmutating|nonisolated|indirect|convenience|required|lazy|private\(set\)|internal\(set\))\s+)*)(struct|class|enum|protocol|actor|typealias|func|var|let|init|subscript|case)\b\s*([A-Za-z_]\w*|[=<>!+\-*/%&|^~?]+|)')
decls = []          # (file, line, kind, name, enclosing, signature idents)
body = {}           # type name -> idents of its case lines / protocol requirements
locus_types, requirements = set(), set()
sanitized = {}
for p in files:
    s = strip(open(p).read()); sanitized[p] = s.split('\n')
    for m in typedecl.finditer(s):
        if m.group(1) != 'extension': locus_types.add(m.group(2))
    locus_types |= set(re.findall(r'typealias\s+(\w+)', s))
    for m in re.finditer(r'protocol\s+(\w+)[^{]*\{([^}]*)\}', s):
        requirements |= set(re.findall(r'(?:func|var|let)\s+(\w+)', m.group(2)))
for p in files:
    lines = sanitized[p]; stack = []; pending = None
    for i, line in enumerate(lines):
        m = typedecl.match(line)
        if m: pending = (m.group(1), m.group(2).split('.')[-1])
        enclosing = next((s for s in reversed(stack) if s[0] != 'block'), None)
        direct = stack[-1] if stack else None
        if direct and direct[0] in ('enum', 'protocol') and re.match(r'\s*(case|func|var|let|init|static|associatedtype)\b', line):
            body.setdefault(direct[1], set()).update(re.findall(r'[A-Za-z_]\w*', line))
        pm = pubdecl.match(line)
        if pm:
            kind, name = pm.group(3), pm.group(4)
            if kind in ('init', 'subscript'): name = kind
            sig = line
            j = i
            while not lines[j].rstrip().endswith('{') and j + 1 < len(lines) and j < i + 6 and kind in ('func', 'init', 'subscript'):
                j += 1; sig += ' ' + lines[j]
            decls.append((p, i, kind, name, enclosing, set(re.findall(r'[A-Za-z_]\w*', sig))))
        for ch in line:
            if ch == '{':
                stack.append(pending or ('block', '')); pending = None
            elif ch == '}' and stack: stack.pop()
witness = {'description', 'debugDescription', 'errorDescription', '==', '<', 'hash', 'hashValue', 'encode', 'init',
           'makeIterator', 'next', 'rawValue', 'allCases', 'id', 'callAsFunction', 'failureReason', 'CodingKeys',
           '~=', 'startIndex', 'endIndex', 'index', 'subscript'} | requirements
def outside(d): return bool(only) and not any(d[0].startswith(os.path.join(root, o) + '/') for o in only)
def kept(d, keep_types):
    _, _, kind, name, enc, _ = d
    if outside(d): return True
    if kind in ('struct', 'class', 'enum', 'protocol', 'actor', 'typealias'): return name in keep_types or name in used
    if enc is None: return name in used
    tname = enc[1]
    return (tname in keep_types or tname not in locus_types) and (name in used or name in witness)
keep_types = (locus_types & used) | keep_extra
while True:
    before = len(keep_types) + len(used)
    for d in decls:
        if kept(d, keep_types):
            keep_types |= d[5] & locus_types
            used |= d[5]
        if d[2] in ('struct', 'class', 'enum', 'protocol', 'actor', 'typealias') and kept(d, keep_types):
            keep_types.add(d[3]); keep_types |= body.get(d[3], set()) & locus_types
    if len(keep_types) + len(used) == before: break
changes = {}
n_kept = 0
for d in decls:
    p, i = d[0], d[1]
    if kept(d, keep_types): n_kept += 1; continue
    if only and not any(p.startswith(os.path.join(root, o) + '/') for o in only): n_kept += 1; continue
    changes.setdefault(p, []).append(d)
for p, ds in changes.items():
    raw = open(p).read().split('\n')
    for d in ds:
        raw[d[1]] = raw[d[1]].replace('public ', '', 1)
        print(p, f'{d[1]+1}: {d[2]} {d[3]} in {d[4][1] if d[4] else "-"}')
    if apply: open(p, 'w').write('\n'.join(raw))
print(f'public declarations {len(decls)}, kept {n_kept}, made internal {len(decls) - n_kept}', file=sys.stderr)
