#!/usr/bin/env python3
"""Benchmark: memory stays bounded whatever the output format and the input.

    bench/memory.py [--regions 100000]

1. A SYNTHETIC one-year file of REGIONS regions × 13 indicators (bench/generate.py,
   labelled 合成数据) is checked with --format table, json and csv, each written
   to a file with --output; the peak RSS of each is printed beside the table
   view's, the floor of the same run. JSON and CSV stream a region at a time, so
   the goal is within 2× the table view's peak.
2. A workbook of about 1 MB whose shared-strings part inflates to one 1 GiB
   string (a zip bomb): plan-check must refuse it (exit 2, S012) in bounded time
   and memory, before calamine reads the part.

Needs GNU time at /usr/bin/time. Files go to target/bench/.
"""
import argparse
import os
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "bench")
PLAN_CHECK = os.path.join(ROOT, "target", "release", "plan-check")


def run(cmd):
    """Wall seconds, peak RSS (MB), exit code and standard error of one run."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    return seconds, int(lines[-1]) / 1024, done.returncode, "\n".join(lines[:-1])


def bomb(path):
    """An .xlsx whose sharedStrings.xml holds one string of 1 GiB of 'x'."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="2023" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            chunk = b"x" * (1 << 20)
            for _ in range(1024):
                f.write(chunk)
            f.write(b"</t></si></sst>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--regions", type=int, default=100_000)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "plan-check"], cwd=ROOT, check=True)
    os.makedirs(OUT, exist_ok=True)

    data = os.path.join(OUT, f"regions-{args.regions}.csv")
    if not os.path.exists(data):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"),
                        str(args.regions * 13), data, "--years", "1"], check=True)
    print(f"{args.regions:,} regions × 13 indicators, one year (synthetic); output written with --output\n")
    print("| format | time | peak RSS | × table view |")
    print("| --- | ---: | ---: | ---: |")
    floor = None
    for fmt in ["table", "json", "csv"]:
        out = os.path.join(OUT, f"regions-out.{fmt}")
        seconds, peak, code, err = run([PLAN_CHECK, data, "--format", fmt, "--output", out])
        if code not in (0, 1):
            sys.exit(f"{fmt} failed ({code}):\n{err}")
        floor = floor or peak
        print(f"| {fmt} | {seconds:.2f} s | {peak:.1f} MB | {peak / floor:.2f}× |")

    path = os.path.join(OUT, "shared-string-bomb.xlsx")
    if not os.path.exists(path):
        bomb(path)
    seconds, peak, code, err = run([PLAN_CHECK, path])
    size = os.path.getsize(path) / 1e6
    print(f"\n1 GiB shared string in a {size:.1f} MB .xlsx: exit {code} in {seconds:.2f} s, peak RSS {peak:.1f} MB")
    print(err.splitlines()[0] if err else "")
    if code != 2:
        sys.exit("the workbook was not refused")


if __name__ == "__main__":
    main()
