#!/usr/bin/env python3
"""Regenerates the capability numbers of the scenarios under scenarios/ from ../shared/data.

The rule (one rule for every scenario, see each scenario's README):
  capability = GDP in current US$ billions (World Bank, World Development Indicators,
  indicator NY.GDP.MKTP.CD, file ../shared/data/worldbank_gdp/
  API_NY.GDP.MKTP.CD_DS2_en_csv_v2_6298258.csv, row = the actor's ISO3 'Country Code',
  column = the last full calendar year before the decision, or 2022 (the file's last year)
  when the decision is later), rounded to 0.1.

Two sensitivity columns are printed beside it but are NOT used in the scenario files:
  * COW NMC v6.0 CINC (../shared/data/cow_nmc/NMC-60-abridged.csv, column 'cinc', same year,
    capped at 2016, the file's last year), as a share of the scenario's total;
  * for Allies where the NATO table has the year: defence expenditure in US$ bn =
    GDP x pct_gdp / 100 (../shared/data/nato_defexp/primacy_premium_nato_burden.csv,
    column 'pct_gdp'; NATO, Defence Expenditure of NATO Countries, 2026 edition, Table 3).

Usage (from the repository root; Python 3 standard library only):
  python3 scenarios/tools/capability.py                 # all tables, as Markdown
  python3 scenarios/tools/capability.py nato-vilnius-2023
  python3 scenarios/tools/capability.py --check         # compare with the scenario files
  python3 scenarios/tools/capability.py --data DIR      # another copy of shared/data

Data terms: World Bank data CC BY 4.0 ("World Bank, World Development Indicators,
NY.GDP.MKTP.CD"); COW NMC v6.0 free for research with citation (Singer, Bremer & Stuckey 1972;
Greig & Enterline, NMC v6 codebook); NATO figures public with attribution, via the
alyssaagard/primacy-premium extract (non-commercial). See each folder's SOURCE.md.
"""

import argparse
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GDP_FILE = "worldbank_gdp/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_6298258.csv"
COW_FILE = "cow_nmc/NMC-60-abridged.csv"
NATO_FILE = "nato_defexp/primacy_premium_nato_burden.csv"

# ISO3 -> (COW state abbreviation, name in the NATO table or None).
CODES = {
    "USA": ("USA", "United States"), "CAN": ("CAN", "Canada"),
    "GBR": ("UKG", "United Kingdom"), "FRA": ("FRN", "France"),
    "DEU": ("GMY", "Germany"), "ITA": ("ITA", "Italy"), "ESP": ("SPN", "Spain"),
    "PRT": ("POR", "Portugal"), "NLD": ("NTH", "Netherlands"), "BEL": ("BEL", "Belgium"),
    "LUX": ("LUX", "Luxembourg"), "DNK": ("DEN", "Denmark"), "NOR": ("NOR", "Norway"),
    "ISL": ("ICE", None), "GRC": ("GRC", "Greece"), "TUR": ("TUR", "Türkiye"),
    "POL": ("POL", "Poland"), "CZE": ("CZR", "Czechia"), "HUN": ("HUN", "Hungary"),
    "SVK": ("SLO", "Slovak Republic"), "SVN": ("SLV", "Slovenia"),
    "EST": ("EST", "Estonia"), "LVA": ("LAT", "Latvia"), "LTU": ("LIT", "Lithuania"),
    "ROU": ("ROM", "Romania"), "BGR": ("BUL", "Bulgaria"), "ALB": ("ALB", "Albania"),
    "HRV": ("CRO", "Croatia"), "MNE": ("MNG", "Montenegro"),
    "MKD": ("MAC", "North Macedonia"), "FIN": ("FIN", "Finland"),
    "UKR": ("UKR", None), "GEO": ("GRG", None), "RUS": ("RUS", None),
    "IND": ("IND", None), "CHN": ("CHN", None), "PAK": ("PAK", None),
}

ALLIES_2008 = ("USA CAN GBR FRA DEU ITA ESP PRT NLD BEL LUX DNK NOR ISL GRC TUR "
               "POL CZE HUN SVK SVN EST LVA LTU ROU BGR").split()
ALLIES_2023 = ALLIES_2008 + "ALB HRV MNE MKD FIN".split()

# Scenario directory -> (capability year, actor ISO3 codes in file order).
CASES = {
    "nato-bucharest-2008": (2007, ALLIES_2008 + ["UKR", "GEO", "RUS"]),
    "nato-vilnius-2023": (2022, ALLIES_2023 + ["UKR", "RUS"]),
    "us-india-defence": (2022, ["USA", "IND", "CHN", "RUS", "PAK"]),
}
COW_LAST_YEAR = 2016


def read_gdp(data):
    """ISO3 -> {year: US$} from the World Bank bulk CSV (metadata lines skipped)."""
    with open(os.path.join(data, GDP_FILE), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = next(r for r in rows if r and r[0] == "Country Name")
    years = {i: int(h) for i, h in enumerate(header) if h.isdigit()}
    out = {}
    for r in rows:
        if len(r) > 4 and r[0] != "Country Name":
            out[r[1]] = {y: float(r[i]) for i, y in years.items() if i < len(r) and r[i]}
    return out


def read_cow(data):
    """(COW abbreviation, year) -> cinc; -9 (missing) is dropped."""
    out = {}
    with open(os.path.join(data, COW_FILE), newline="") as f:
        for r in csv.DictReader(f):
            if float(r["cinc"]) >= 0:
                out[(r["stateabb"], int(r["year"]))] = float(r["cinc"])
    return out


def read_nato(data):
    """(NATO name, year) -> defence expenditure as % of GDP."""
    with open(os.path.join(data, NATO_FILE), encoding="utf-8", newline="") as f:
        return {(r["ally"], int(r["year"])): float(r["pct_gdp"]) for r in csv.DictReader(f)}


def capability_table(case, gdp, cow, nato):
    """Rows (iso3, gdp_bn, gdp_share, cinc_share, defexp_bn or None) for one scenario."""
    year, actors = CASES[case]
    cow_year = min(year, COW_LAST_YEAR)
    gdp_bn = {}
    for iso in actors:
        value = gdp.get(iso, {}).get(year)
        if value is None:
            sys.exit(f"capability.py: no World Bank GDP for {iso} in {year}")
        gdp_bn[iso] = round(value / 1e9, 1)
    cinc = {iso: cow.get((CODES[iso][0], cow_year), 0.0) for iso in actors}
    total_gdp, total_cinc = sum(gdp_bn.values()), sum(cinc.values())
    rows = []
    for iso in actors:
        name = CODES[iso][1]
        pct = nato.get((name, year)) if name else None
        defexp = round(gdp_bn[iso] * pct / 100.0, 1) if pct is not None else None
        rows.append((iso, gdp_bn[iso], 100.0 * gdp_bn[iso] / total_gdp,
                     100.0 * cinc[iso] / total_cinc, defexp))
    return year, cow_year, rows


def print_markdown(case, year, cow_year, rows):
    print(f"### {case}: World Bank GDP {year} (US$ bn)\n")
    print(f"| actor | GDP {year}, US$ bn (= capability) | share of total, % "
          f"| sensitivity: COW CINC {cow_year} share, % | sensitivity: NATO defence "
          f"spending {year}, US$ bn |")
    print("|---|---:|---:|---:|---:|")
    for iso, bn, share, cinc, defexp in rows:
        d = f"{defexp:.1f}" if defexp is not None else "—"
        print(f"| {iso.lower()} | {bn:.1f} | {share:.2f} | {cinc:.2f} | {d} |")
    print()


def check(case, rows):
    """Compares the table with scenarios/<case>/scenario.yaml; returns the mismatch count."""
    path = os.path.join(REPO, "scenarios", case, "scenario.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    actors = text.split("\nactors:", 1)[1].split("\nevents:", 1)[0]
    found = dict(re.findall(r"- id: (\w+)\s*\n\s*name:[^\n]*\n\s*capability: ([0-9.]+)",
                            actors))
    bad = 0
    for iso, bn, *_ in rows:
        got = found.get(iso.lower())
        if got is None or abs(float(got) - bn) > 1e-9:
            print(f"{case}: {iso.lower()} capability {got} != {bn:.1f}")
            bad += 1
    if len(found) != len(rows):
        print(f"{case}: {len(found)} actors in the file, {len(rows)} in the table")
        bad += 1
    print(f"{case}: {'OK' if bad == 0 else 'MISMATCH'} ({len(rows)} actors)")
    return bad


def georgia_war_ratio(cow):
    """COW CINC of Georgia, 2009 / 2008: the capability change used by the Aug 2008 event."""
    return cow[("GRG", 2009)] / cow[("GRG", 2008)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", default=sorted(CASES))
    parser.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    gdp, cow, nato = read_gdp(args.data), read_cow(args.data), read_nato(args.data)
    bad = 0
    for case in args.cases:
        if case not in CASES:
            sys.exit(f"capability.py: unknown case '{case}'")
        year, cow_year, rows = capability_table(case, gdp, cow, nato)
        if args.check:
            bad += check(case, rows)
        else:
            print_markdown(case, year, cow_year, rows)
    if not args.check:
        print(f"Georgia, COW CINC 2009/2008 (Aug 2008 war event): {georgia_war_ratio(cow):.2f}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
