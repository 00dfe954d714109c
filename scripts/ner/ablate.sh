#!/bin/sh
# Feature ablation on dev (docs/ner.md): one-pass models, best of 12 epochs, each group removed in turn.
# The second (document) pass, word dropout and the dictionary feature are measured as separate rows.
cd "$(dirname "$0")/../.." || exit 1
run() { nice npx tsx scripts/ner/train.ts --one-pass --no-write "$@" | tail -1; }
echo "all	$(run)"
for g in word norm affix chars stem context shape nisba trigger gazetteer unknown foreign; do
  echo "-$g	$(run --without "$g")"
done
echo "-dropout	$(run --dropout 0)"
echo "+dictionary(unshipped)	$(run --dict)"
echo "+document-pass	$(nice npx tsx scripts/ner/train.ts --no-write | tail -1)"
