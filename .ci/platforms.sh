#!/usr/bin/env bash
# The libtorch natives follow the build machine: for each platform DJL publishes pytorch-native-cpu 2.7.1 for,
# Maven's OS profiles (lib/pom.xml) must pick its classifier. Maven activates them from the JVM's os.name and
# os.arch, which MAVEN_OPTS can set, so this Linux machine checks the Linux and macOS activations for real
# (it cannot run them). A Windows os.name makes Maven itself load Windows natives and crash, so the Windows
# profile is checked by id, and its activation (family windows, arch amd64) by reading the pom.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
classifier() { # extra Maven arguments...
  mvn -q -B -ntp -N -f lib/pom.xml help:evaluate -Dexpression=pytorch.native.classifier -DforceStdout "$@" 2>&1 \
    | LC_ALL=C sed "s/$(printf '\033')\[0m//g" | tr -d '\r' | tail -1
}
expect() { # label expected got
  if [[ "$3" == "$2" ]]; then echo "ok    $1 -> $2"; else echo "FAIL  $1: expected $2, Maven chose '$3'"; status=1; fi
}
expect "this machine ($(uname -s) $(uname -m))" "linux-x86_64" "$(classifier)"
expect "Linux aarch64" "linux-aarch64" "$(MAVEN_OPTS='-Dos.name=Linux -Dos.arch=aarch64' classifier)"
expect "macOS arm64" "osx-aarch64" "$(MAVEN_OPTS='-Dos.name=MacOSX -Dos.arch=aarch64' classifier)"
expect "macOS Intel" "osx-x86_64" "$(MAVEN_OPTS='-Dos.name=MacOSX -Dos.arch=x86_64' classifier)"
expect "Windows x86_64 (profile by id)" "win-x86_64" "$(classifier -P native-win-x86_64)"
if ! tr -d ' \n' < lib/pom.xml | grep -q '<id>native-win-x86_64</id><activation><os><family>windows</family><arch>amd64</arch></os></activation>'; then
  echo "FAIL  native-win-x86_64 is not activated by family windows, arch amd64"; status=1
fi
exit $status
