#!/usr/bin/env bash
# Installs the Debian 12 packages feedagg needs to build, test and benchmark.
# Safe to run repeatedly: it only calls apt-get when something is missing.
set -euo pipefail

build_packages=(
  g++ cmake ninja-build make pkg-config
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libssl-dev libpugixml-dev libsqlitecpp-dev libsqlite3-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libgumbo-dev libtomlplusplus-dev libcli11-dev libsystemd-dev
  zlib1g-dev libbrotli-dev libxxhash-dev
)
# Used by tests: feedparser reads our output back, xmllint/jing check it against schemas.
test_packages=(python3 python3-feedparser libxml2-utils jing tzdata ca-certificates)

wanted=("${build_packages[@]}" "${test_packages[@]}")
if [[ "${1:-}" == "--bench" ]]; then
  # Peers measured side by side in bench/: gofeed builds offline from Debian's Go packages.
  wanted+=(golang-go golang-github-mmcdole-gofeed-dev clang)
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  wanted+=(clang libclang-rt-14-dev)
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root (or: sudo $0)" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
