#!/usr/bin/env bash
# The project store on a real full disk and a real read-only file system (docs/reliability.md).
# Needs root: it mounts a 2 MB tmpfs, fills it with saves, checks the store reopens and the last acknowledged
# revision is intact once there is room again, then remounts the tmpfs read-only and checks that the store
# opens read-only and refuses changes with a clear message. (The same conditions are simulated in
# BadConditionsTest, which needs no root.)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != "0" ]; then
  echo "bad-conditions.sh: needs root to mount a tmpfs" >&2
  exit 2
fi
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/store-classpath.txt
cp="target/test-classes:target/classes:$(cat target/store-classpath.txt)"
mnt=$(mktemp -d /tmp/quorum-bad-conditions-XXXXXX)
mount -t tmpfs -o size=2m tmpfs "$mnt"
trap 'umount "$mnt" 2>/dev/null || true; rmdir "$mnt" 2>/dev/null || true' EXIT
run() { java -cp "$cp" dev.quorum.store.DiskConditionsCheck "$@"; }
run fill "$mnt/store"
df -h "$mnt" | tail -1
run reopen "$mnt/store"
mount -o remount,size=16m "$mnt"
run verify "$mnt/store"
mount -o remount,ro "$mnt"
run readonly "$mnt/store"
echo "bad-conditions.sh: all checks passed"
