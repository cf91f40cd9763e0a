#!/usr/bin/env python3
"""Fits the story-granularity clustering knobs on labelled data with two-fold cross-validation.

Stories (not articles) are split into two folds by a hash of their gold id, so no story is seen in both.
For each fold, the grid point with the best B-cubed F1 on the other fold is chosen; the figure reported
for that fold is its F1 on the held-out fold. Usage:

    python3 eval/clusters/fit.py ../shared/data/uci-news/uci-news.dev.csv

Needs ./chorus (built on first use). Writes nothing outside a temporary folder.
"""
import csv, hashlib, itertools, json, os, subprocess, sys, tempfile

GRID = {
    "weights": [(0.9, 0.0, 0.1), (0.8, 0.1, 0.1), (0.7, 0.2, 0.1)],
    "threshold": [0.15, 0.17, 0.19, 0.21],
    "merge": [0.22, 0.26, 0.30],
    "min_shared": [1, 2],
}

def run(gold, weights, threshold, merge, min_shared):
    out = subprocess.run(
        ["./chorus", "eval", "clusters", "--gold", gold, "--granularity", "story", "--json",
         "--weights", *map(str, weights), "--threshold", str(threshold), "--merge-threshold", str(merge),
         "--min-shared-terms", str(min_shared)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)["bcubed"]["f1"]

def main(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    story = header.index("STORY")
    folder = tempfile.mkdtemp(prefix="chorus-fit-")
    folds = []
    for k in range(2):
        fold = os.path.join(folder, f"fold{k}.csv")
        with open(fold, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(r for r in body if hashlib.sha256(r[story].encode()).digest()[0] % 2 == k)
        folds.append(fold)
    points = list(itertools.product(GRID["weights"], GRID["threshold"], GRID["merge"], GRID["min_shared"]))
    scores = [{p: run(fold, *p) for p in points} for fold in folds]
    for k in range(2):
        best = max(points, key=lambda p: (scores[k][p], p))
        print(f"fitted on fold {k}: weights {best[0]} threshold {best[1]} merge {best[2]} min shared terms {best[3]} "
              f"(F1 {scores[k][best]:.2f} in-sample) -> held-out fold {1 - k}: F1 {scores[1 - k][best]:.2f}")
    pooled = max(points, key=lambda p: (scores[0][p] + scores[1][p], p))
    print(f"best on both folds together: weights {pooled[0]} threshold {pooled[1]} merge {pooled[2]} min shared terms {pooled[3]}")
    for p in sorted(points, key=lambda p: -(scores[0][p] + scores[1][p]))[:8]:
        print(f"  {p}: folds {scores[0][p]:.2f} / {scores[1][p]:.2f}")

if __name__ == "__main__":
    main(sys.argv[1])
