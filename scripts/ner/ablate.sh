#!/bin/sh
# Ablation on dev (docs/ner.md): one-pass models, best of 12 epochs, each group removed in turn;
# each line ends with the ANERcorp dev micro-F1 and the WikiFANE dev figures.
# The second (document) pass, word dropout, the shared lists, WikiFANE and the dictionary feature
# are measured as separate rows. Needs `npm run ner:clusters` first.
cd "$(dirname "$0")/../.." || exit 1
run() { nice npx tsx scripts/ner/train.ts --one-pass --no-write "$@" | tail -1; }
echo "all	$(run)"
for g in word norm affix chars stem context shape nisba trigger gazetteer unknown foreign cluster; do
  echo "-$g	$(run --without "$g")"
done
for l in news cities gate; do
  echo "-list $l	$(run --without-lists "$l")"
done
echo "-dropout	$(run --dropout 0)"
echo "+WikiFANE sentences	$(run --wikifane-share 1)"
echo "+WikiFANE sentences, per-domain weights	$(run --wikifane-share 1 --wikifane-adapt)"
echo "+WikiFANE names as gazetteer	$(run --wikifane-gazetteer)"
echo "+dictionary(unshipped)	$(run --dict)"
echo "+document-pass	$(nice npx tsx scripts/ner/train.ts --no-write | tail -1)"
