#!/usr/bin/env bash
# Fails when the repository tracks a build output: any ELF file (a compiled
# library, program or test binary such as core.test), or any binary file
# (git's own text/binary detection) over 1 MiB. Small binary fixtures (DER
# keys) are fine. Run by `make lint`.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
limit=$((1024 * 1024))
bad=0
while IFS= read -r -d '' f; do
	[ -f "$f" ] || continue # deleted in the work tree
	if [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; then
		echo "tracked ELF file: $f" >&2
		bad=1
	fi
done < <(git ls-files -z)
while read -r eol _ _ path; do
	size=$(stat -c %s "$path" 2>/dev/null || echo 0)
	if [ "$eol" = i/-text ] && [ "$size" -gt "$limit" ]; then
		echo "tracked binary file over 1 MiB ($size bytes): $path" >&2
		bad=1
	fi
done < <(git ls-files --eol | sed 's/\t/ /')
if [ "$bad" != 0 ]; then
	echo "tracked_files: remove build outputs from git (git rm --cached) and ignore them" >&2
	exit 1
fi
echo "tracked_files: no ELF, no binary over 1 MiB"
