#!/usr/bin/env python3
# The library's folder import graph: which folder's files use names (types, top-level functions) declared in
# which other folder. Usage: python3 scripts/import-graph.py [Sources/Locus] [-v]  (-v: every name behind an arrow)
import os, re, sys, collections
root = sys.argv[1] if len(sys.argv) > 1 else 'Sources/Locus'
decl = re.compile(r'^\s*(?:@\w+\s+)*(?:(?:public|internal|private|fileprivate|package|final|indirect|nonisolated)\s+)*(?:struct|class|enum|protocol|typealias|actor|func)\s+([A-Za-z_]\w*)', re.M)
def folder(path):
    rel = os.path.relpath(os.path.dirname(path), root)
    parts = rel.split(os.sep)
    if parts[0] == 'Gazetteer' and len(parts) > 1: return 'Gazetteer/' + parts[1]
    return parts[0] if parts[0] != '.' else '(root)'
files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.swift')]
owner = {}
texts = {}
for p in files:
    t = open(p).read()
    t = re.sub(r'//.*', '', t); t = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', t)
    texts[p] = t
    for m in decl.finditer(t):
        name = m.group(1)
        # top-level only for funcs: no indentation
        line = t[t.rfind('\n', 0, m.start())+1:m.end()]
        if ' func ' in ' ' + line and line[:1].isspace(): continue
        owner.setdefault(name, set()).add(folder(p))
edges = collections.defaultdict(set)
for p, t in texts.items():
    f = folder(p)
    for w in set(re.findall(r'\b[A-Za-z_]\w*\b', t)):
        for g in owner.get(w, ()):
            if g != f and len(owner[w]) == 1: edges[f].add((g, w))
for f in sorted(set(map(folder, files))):
    targets = collections.defaultdict(list)
    for g, w in edges[f]: targets[g].append(w)
    print(f + ' -> ' + ', '.join(f'{g}({len(v)})' for g, v in sorted(targets.items())))
if '-v' in sys.argv:
    for f in sorted(edges):
        for g, w in sorted(edges[f]): print('  ', f, '->', g, w)
