# Sourced by ./kit and .ci/run. Puts a Node >= 22 and Yarn 4 on PATH.
#
# Node 20 is common on build machines, but Backstage 1.55 needs Node 22 or 24. When the machine's own Node or Yarn
# does not fit, Node 24 and Yarn 4 come from the npm registry (packages node-<os>-<arch> and @yarnpkg/cli-dist) into
# .toolchain/, the only source these machines can reach. Native modules (better-sqlite3) are then compiled against
# that Node's headers via npm_config_nodedir, so node-gyp never tries to download them.

TOOLCHAIN_NODE_VERSION="24.21.0"
TOOLCHAIN_YARN_VERSION="4.18.1"

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

system_toolchain_fits() {
  command -v node >/dev/null 2>&1 || return 1
  local major
  major="$(node_major node)"
  [[ "$major" == "22" || "$major" == "24" ]] || return 1
  command -v yarn >/dev/null 2>&1 || return 1
  [[ "$(yarn --version 2>/dev/null)" == 4.* ]]
}

install_local_toolchain() {
  local dir="$1" platform arch node_package
  platform="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "kit: no Node ${TOOLCHAIN_NODE_VERSION} package for $(uname -m)" >&2; return 1 ;;
  esac
  node_package="node-${platform}-${arch}"
  local stamp="$dir/.installed-${node_package}-${TOOLCHAIN_NODE_VERSION}-yarn-${TOOLCHAIN_YARN_VERSION}"
  if [[ ! -f "$stamp" ]]; then
    command -v npm >/dev/null 2>&1 || { echo "kit: npm is needed to fetch Node ${TOOLCHAIN_NODE_VERSION}" >&2; return 1; }
    echo "kit: fetching Node ${TOOLCHAIN_NODE_VERSION} and Yarn ${TOOLCHAIN_YARN_VERSION} from the npm registry into .toolchain/" >&2
    rm -rf "$dir"
    mkdir -p "$dir/bin"
    echo '{"name":"platform-product-kit-toolchain","private":true}' >"$dir/package.json"
    # The platform package carries the binary itself, so no install script has to run.
    npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
      "${node_package}@${TOOLCHAIN_NODE_VERSION}" "@yarnpkg/cli-dist@${TOOLCHAIN_YARN_VERSION}" >&2
    ln -sf "../node_modules/${node_package}/bin/node" "$dir/bin/node"
    printf '#!/usr/bin/env bash\nexec "%s/bin/node" "%s/node_modules/@yarnpkg/cli-dist/bin/yarn.js" "$@"\n' \
      "$dir" "$dir" >"$dir/bin/yarn"
    chmod +x "$dir/bin/yarn"
    touch "$stamp"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir/node_modules/${node_package}"
}

ensure_toolchain() {
  if [[ "${KIT_USE_LOCAL_TOOLCHAIN:-}" != "1" ]] && system_toolchain_fits; then
    return 0
  fi
  install_local_toolchain "$ROOT/.toolchain"
  # Yarn itself must not try corepack or a global cache we cannot fill.
  export COREPACK_ENABLE_STRICT=0
  export YARN_ENABLE_TELEMETRY=0
}
