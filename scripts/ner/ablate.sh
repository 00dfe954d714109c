#!/bin/sh
# Feature ablation on dev: one-pass models (the second pass is measured separately), best epoch of 12.
cd "$(dirname "$0")/../.." || exit 1
for g in none word norm affix chars stem context shape nisba trigger gazetteer; do
  if [ "$g" = none ]; then extra=""; else extra="--without $g"; fi
  f1=$(nice npx tsx scripts/ner/train.ts --one-pass --epochs 12 --no-write $extra "$@" | tail -1)
  echo "$g	$f1"
done
