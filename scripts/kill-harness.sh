#!/usr/bin/env bash
# The long run of the project store's kill -9 harness (docs/reliability.md).
#   scripts/kill-harness.sh [KILLS] [STORE_DIR] [SEED]      default: 200 kills in a new temporary folder
# Builds the classes, then runs dev.quorum.store.KillHarness from the test classes: it starts a writer JVM,
# SIGKILLs it at a random moment, reopens the store and checks that it opens, that no acknowledged save is
# missing and that no partial revision is visible; and again, KILLS times. Exit 0 only when all hold.
# The short run (20 kills) is KillHarnessTest, part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/store-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/store-classpath.txt)" dev.quorum.store.KillHarness "${1:-200}" ${2:+"$2"} ${3:+"$3"}
