#!/usr/bin/env python3
"""Writes a SYNTHETIC long statistics file for benchmarks: region, year, category,
indicator, value, source. Every value is random and labelled 合成数据 in the source
column; none of it is a statistic.

    bench/generate.py ROWS OUT.csv [--seed N] [--order region|indicator] [--years N]

With --order region (the default) rows cycle through regions, then years
2021-2025, then the 13 indicators of the shipped plan; with --order indicator,
through years, then indicators, then regions (the region changes on every row,
as in a table sorted by year and indicator). ROWS / 65 regions are written
(2,800 regions = 182,000 rows); the figures are the same in both orders.
--years N keeps the first N years (2021 on), so ROWS / (13 × N) regions.
"""
import argparse
import random
import sys

INDICATORS = [
    ("学前教育", "在园幼儿数", 3.9, 0.3),
    ("学前教育", "毛入园率", 97.5, 2.0),
    ("学前教育", "公办幼儿园在园幼儿占比", 54.0, 3.0),
    ("义务教育", "在校学生数", 11.5, 1.0),
    ("义务教育", "其中：普通小学", 7.2, 0.6),
    ("义务教育", "其中：普通初中", 4.4, 0.5),
    ("义务教育", "九年义务教育巩固率", 98.0, 2.5),
    ("高中阶段教育", "在校学生数", 4.9, 0.4),
    ("高中阶段教育", "其中：普通高中", 2.4, 0.2),
    ("高中阶段教育", "其中：中等职业教育", 2.4, 0.2),
    ("高中阶段教育", "高中阶段教育毛入学率", 98.4, 1.0),
    ("高等教育", "高等教育在学总规模", 9.5, 1.0),
    ("教育投入", "财政性教育经费占一般公共预算支出的比例", 18.5, 0.8),
]
YEARS = [2021, 2022, 2023, 2024, 2025]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--order", choices=["region", "indicator"], default="region")
    parser.add_argument("--years", type=int, default=len(YEARS))
    args = parser.parse_args()
    years = YEARS[: max(1, min(args.years, len(YEARS)))]
    rng = random.Random(args.seed)
    per_region = len(years) * len(INDICATORS)
    regions = max(1, args.rows // per_region)
    # Figures drawn region by region, so both orders hold the same ones.
    figures = {
        (r, year, i): round(rng.gauss(centre, spread), 2)
        for r in range(regions)
        for year in years
        for i, (_, _, centre, spread) in enumerate(INDICATORS)
    }
    if args.order == "region":
        keys = ((r, y, i) for r in range(regions) for y in years for i in range(len(INDICATORS)))
    else:
        keys = ((r, y, i) for y in years for i in range(len(INDICATORS)) for r in range(regions))
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("地区,年份,分类,指标,数值,来源\n")
        written = 0
        for r, year, i in keys:
            category, name, _, _ = INDICATORS[i]
            value = figures[(r, year, i)]
            f.write(f"合成区县{r + 1:05d},{year},{category},{name},{value},合成数据（基准测试用，非统计）\n")
            written += 1
    print(f"{args.out}: {written} rows, {regions} regions (synthetic, {args.order} order)", file=sys.stderr)


if __name__ == "__main__":
    main()
