#!/usr/bin/env python3
# Public declarations in Sources/Locus without a `///` doc comment (attributes between are skipped).
# Protocol witnesses whose documentation is the protocol's (description, encode(to:), init(from:), ==, hash(into:),
# errorDescription, the ArgumentParser ones) are counted apart.
# Usage: python3 scripts/doc-count.py [--list] [--only DIR...]
import os, re, sys
root = 'Sources/Locus'
only = [a for a in sys.argv[1:] if not a.startswith('--')]
pub = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*public\s+(?:(?:static|final|override|mutating|nonmutating|nonisolated|indirect|convenience|required|lazy|private\(set\)|internal\(set\))\s+)*(struct|class|enum|protocol|actor|typealias|func|var|let|init|subscript|case)\b\s*([A-Za-z_]\w*|[=<>!+\-*/%&|^~?]+|)')
witness = re.compile(r'public\s+(?:var description\b|var debugDescription\b|var errorDescription\b|func encode\(to|init\(from decoder|static func ==|static func <|func hash\(into|var hashValue\b|func makeIterator\b)')
total = undocumented = witnesses = 0
listing = []
for d, _, fs in sorted(os.walk(root)):
    for f in sorted(fs):
        p = os.path.join(d, f)
        if not f.endswith('.swift') or (only and not any(p.startswith(os.path.join(root, o)) for o in only)): continue
        lines = open(p).read().split('\n')
        for i, line in enumerate(lines):
            if not pub.match(line): continue
            total += 1
            j = i - 1
            while j >= 0 and re.match(r'^\s*@\w+', lines[j]) and not pub.match(lines[j]): j -= 1
            if j >= 0 and (lines[j].strip().startswith('///') or lines[j].strip().endswith('*/')): continue
            if witness.search(line): witnesses += 1; continue
            undocumented += 1
            listing.append(f'{p}:{i + 1}: {line.strip()}')
if '--list' in sys.argv: print('\n'.join(listing))
print(f'public declarations {total}, without a doc comment {undocumented} (and {witnesses} protocol witnesses documented by their protocol)')
