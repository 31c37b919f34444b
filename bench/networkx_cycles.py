#!/usr/bin/env python3
"""Reference for bench/detect.ts: networkx simple_cycles(G, length_bound) on the collapsed account
digraph of a window, then kept only when a time-ordered, amount-consistent choice of transfers exists
(the rules of src/detect/temporal-cycles.ts). Usage:
  networkx_cycles.py EDGES.csv OUT.txt [max_hops] [span_days] [min_ratio] [max_ratio] [two_cycle_tol]
EDGES.csv lines: src,dst,ts_us,amount,currency,flags (dense account ids). OUT.txt: one valid cycle
per line, account ids rotated to start at the smallest. Prints a JSON summary on stdout."""
import json
import sys
import time
from collections import defaultdict

import networkx as nx

REFUND = 1


def main() -> None:
    path, out = sys.argv[1], sys.argv[2]
    max_hops = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    span = float(sys.argv[4] if len(sys.argv) > 4 else 30) * 86400e6
    lo = float(sys.argv[5]) if len(sys.argv) > 5 else 0.7
    hi = float(sys.argv[6]) if len(sys.argv) > 6 else 1.1
    tol = float(sys.argv[7]) if len(sys.argv) > 7 else 0.02

    t_load = time.perf_counter()
    edges = defaultdict(list)  # (u, v) -> [(ts, amount, currency, flags)]
    with open(path) as f:
        for line in f:
            s, d, ts, amount, cur, flags = line.rstrip("\n").split(",")
            edges[(int(s), int(d))].append((float(ts), float(amount), int(cur), int(flags)))
    for lst in edges.values():
        lst.sort()
    G = nx.DiGraph()
    G.add_edges_from(edges.keys())
    load_s = time.perf_counter() - t_load

    def instance_exists(cyc):
        k = len(cyc)
        hops = [edges[(cyc[i], cyc[(i + 1) % k])] for i in range(k)]
        for r in range(k):  # the time-ordered instance may start at any rotation
            seq = hops[r:] + hops[:r]
            for first in seq[0]:
                if extend(seq, 1, first, first):
                    return True
        return False

    def extend(seq, i, first, prev):
        if i == len(seq):
            if len(seq) == 2:
                a, b = first[1], prev[1]
                if abs(b - a) > tol * max(a, b) or (first[3] | prev[3]) & REFUND:
                    return False
            return True
        for e in seq[i]:
            if e[0] <= prev[0]:
                continue
            if e[0] - first[0] > span:
                break
            r = e[1] / prev[1]
            if r < lo or r > hi or e[2] != prev[2]:
                continue
            if extend(seq, i + 1, first, e):
                return True
        return False

    t0 = time.perf_counter()
    structural = 0
    valid = []
    for cyc in nx.simple_cycles(G, length_bound=max_hops):
        structural += 1
        if len(cyc) < 2:
            continue
        if instance_exists(cyc):
            m = cyc.index(min(cyc))
            valid.append(cyc[m:] + cyc[:m])
    cycles_s = time.perf_counter() - t0
    with open(out, "w") as f:
        for c in valid:
            f.write(" ".join(map(str, c)) + "\n")
    print(
        json.dumps(
            {
                "networkx": nx.__version__,
                "pairs": G.number_of_edges(),
                "accounts": G.number_of_nodes(),
                "structural_cycles": structural,
                "valid_cycles": len(valid),
                "load_s": round(load_s, 3),
                "cycles_s": round(cycles_s, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
