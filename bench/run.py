#!/usr/bin/env python3
"""Benchmark: plan-check's summary of SYNTHETIC long files against a floor measured
in the same run, a bare pass of the csv crate over the same file
(examples/csv_floor.rs). Prints a Markdown table: median wall time of several
runs, the ratio to the floor, and peak RSS (GNU time's maximum resident set).

    bench/run.py [--runs 5] [--rows 10000,100000,1000000] [--order region|indicator] [--workbook]

--workbook converts each file to .xlsx (examples/csv_to_xlsx.rs) and times
plan-check on the workbook; the floor is still the bare pass over the CSV.

Needs GNU time at /usr/bin/time. Files go to target/bench/ (generated, labelled
synthetic); the plan is the shipped one.
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")
PLAN_CHECK = os.path.join(ROOT, "target", "release", "plan-check")
FLOOR = os.path.join(ROOT, "target", "release", "examples", "csv_floor")
CONVERT = os.path.join(ROOT, "target", "release", "examples", "csv_to_xlsx")


def measure(cmd, runs):
    """Median wall seconds and largest peak RSS (MB) over `runs` runs."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M"] + cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
        peaks.append(int(done.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", default="10000,100000,1000000")
    parser.add_argument("--order", choices=["region", "indicator"], default="region",
                        help="rows region by region (default) or year → indicator → region")
    parser.add_argument("--workbook", action="store_true", help="time plan-check on the file as .xlsx")
    args = parser.parse_args()
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "plan-check", "--example", "csv_floor", "--example", "csv_to_xlsx"],
        cwd=ROOT,
        check=True,
    )
    os.makedirs(OUT, exist_ok=True)
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; {args.runs} runs each, median wall time; rows in {args.order} order{'; plan-check reads the file as .xlsx' if args.workbook else ''}.")
    print()
    print("| rows | regions | file | floor: bare csv pass | plan-check summary | ratio | peak RSS |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for rows in [int(r) for r in args.rows.split(",")]:
        suffix = "" if args.order == "region" else f"-by-{args.order}"
        path = os.path.join(OUT, f"synthetic-{rows}{suffix}.csv")
        if not os.path.exists(path):
            subprocess.run(
                [sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(rows), path, "--order", args.order],
                check=True,
            )
        size = os.path.getsize(path) / 1e6
        written = sum(1 for _ in open(path, encoding="utf-8")) - 1
        floor, _ = measure([FLOOR, path], args.runs)
        checked = path
        if args.workbook:
            checked = path[: -len(".csv")] + ".xlsx"
            if not os.path.exists(checked):
                subprocess.run([CONVERT, path, checked], check=True)
        ours, rss = measure([PLAN_CHECK, "--plan", os.path.join(ROOT, "plan", "jiangjin-education-14th-fyp.toml"), checked], args.runs)
        print(f"| {written:,} | {written // 65:,} | {size:.1f} MB | {floor:.3f} s | {ours:.3f} s | {ours / floor:.2f}× | {rss:.1f} MB |")


if __name__ == "__main__":
    main()
