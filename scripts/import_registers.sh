#!/bin/sh
# Regenerate the shipped register sources in data/sources/ from the registers in ../shared/registers/
# (see mappings/*.yaml and docs/import.md). Deterministic: the same registers, mappings and data give
# the same bytes; tests/test_registers.py checks the committed files against a fresh import.
# Usage: sh scripts/import_registers.sh [SHARED]   (default: ../shared, beside the project)
set -eu
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
kg import "$shared/registers/fi_eakr_esr_2014-2020_projektit.csv" --mapping mappings/fi-eakr-esr-2014-2020.yaml >/dev/null
kg import "$shared/registers/se_interreg_2021-2027_partners.json" --mapping mappings/se-interreg-2021-2027.yaml >/dev/null
echo "written: data/sources/register-fi-eakr-esr-2014-2020.ttl data/sources/register-se-interreg-2021-2027.ttl"
