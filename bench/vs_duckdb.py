#!/usr/bin/env python3
"""DuckDB on the same job, for comparison: reads a synthetic long file
(bench/generate.py) and, in SQL, takes each region's latest year, joins its
figures with the shipped plan's targets by category and name, compares each
figure with its target's number (>=, one comparison per figure: less than
plan-check's rules do) and counts the failing ones per region, worst first.
A lower bound on what an SQL check of the plan would cost.

    bench/vs_duckdb.py FILE.csv [--runs 5]

Prints the median wall time of the query alone (DuckDB's import and start
are not counted), on every core DuckDB finds. Needs `pip install duckdb`.
"""
import argparse
import os
import re
import statistics
import sys
import time
import tomllib

import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = os.path.join(ROOT, "plan", "jiangjin-education-14th-fyp.toml")

QUERY = """
WITH data AS (
    SELECT * FROM read_csv('{path}', header = true)
),
latest AS (
    SELECT 地区, max(年份) AS 年份 FROM data GROUP BY 地区
),
judged AS (
    SELECT d.地区, d.数值 >= t.target AS ok
    FROM data d
    JOIN latest l ON d.地区 = l.地区 AND d.年份 = l.年份
    JOIN targets t ON d.分类 = t.category AND replace(d.指标, '其中：', '') = t.name
)
SELECT 地区, count(*) FILTER (WHERE NOT ok) AS failing
FROM judged
GROUP BY 地区
ORDER BY failing DESC, 地区
"""


def targets():
    """(category, name, the number in the printed target) of the plan."""
    with open(PLAN, "rb") as f:
        plan = tomllib.load(f)
    rows = []
    for ind in plan["indicator"]:
        number = re.search(r"[0-9]+(?:\.[0-9]+)?", ind["target"])
        if number:
            rows.append((ind["category"], ind["name"], float(number.group())))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = os.path.abspath(args.file).replace("'", "''")
    times = []
    regions = None
    for _ in range(args.runs):
        con = duckdb.connect()
        con.execute("CREATE TABLE targets (category VARCHAR, name VARCHAR, target DOUBLE)")
        con.executemany("INSERT INTO targets VALUES (?, ?, ?)", targets())
        start = time.perf_counter()
        rows = con.execute(QUERY.format(path=path)).fetchall()
        times.append(time.perf_counter() - start)
        regions = len(rows)
        con.close()
    print(f"{statistics.median(times):.3f} s ({regions} regions, duckdb {duckdb.__version__})")


if __name__ == "__main__":
    sys.exit(main())
