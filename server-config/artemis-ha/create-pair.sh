#!/usr/bin/env bash
# Creates a primary/backup pair of Artemis brokers with a shared store (README, "Running at scale"):
#
#   create-pair.sh <directory>
#
# makes <directory>/primary and <directory>/backup, two broker instances whose journal, bindings, paging and large
# messages all live in <directory>/shared. The primary holds the store's lock; the backup waits for it and takes
# over, with every persisted and prepared message, as soon as the primary's process is gone (a crash or SIGKILL
# releases the lock at once) or shuts down. Both have the service's queues and redelivery policy
# (../artemis/broker.properties). The pair forms a cluster over static connectors (no multicast): through it the
# backup announces itself to the primary, and clients learn from the primary where to fail over to.
#
# Both brokers on one machine need a local directory; on two machines <directory>/shared must be a shared file
# system with working file locks (NFSv4, a SAN), else use replication (artemis create --replicated) instead.
#
# Environment:
#   ARTEMIS_HOME                      the Artemis distribution (bin/artemis), required
#   ARTEMIS_USER, ARTEMIS_PASSWORD    the user clients log in with, required
#   ARTEMIS_CLUSTER_USER, ARTEMIS_CLUSTER_PASSWORD   how the two brokers authenticate to each other, required
#   BROKER_HOST                       the address both bind and announce (127.0.0.1)
#   PRIMARY_PORT, BACKUP_PORT         their core ports (61616, 61617)
#   PRIMARY_CONSOLE_PORT, BACKUP_CONSOLE_PORT   their web consoles (8161, 8162)
#   BROKER_JAVA_MEMORY                heap of each broker (512M)
# Start them with <directory>/primary/bin/artemis run and <directory>/backup/bin/artemis run; the service's
# ARTEMIS_URL is then tcp://<host>:<primary port>,tcp://<host>:<backup port>.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 <directory>" >&2
  exit 64
fi
: "${ARTEMIS_HOME:?ARTEMIS_HOME must point to the Artemis distribution}"
: "${ARTEMIS_USER:?ARTEMIS_USER must be set}"
: "${ARTEMIS_PASSWORD:?ARTEMIS_PASSWORD must be set}"
: "${ARTEMIS_CLUSTER_USER:?ARTEMIS_CLUSTER_USER must be set}"
: "${ARTEMIS_CLUSTER_PASSWORD:?ARTEMIS_CLUSTER_PASSWORD must be set}"
host=${BROKER_HOST:-127.0.0.1}
primary_port=${PRIMARY_PORT:-61616}
backup_port=${BACKUP_PORT:-61617}
config_dir=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
pair_dir=$(cd "$1" && pwd)

# create_node <name> <port> <console port> <the other's port> [--backup]
create_node() {
  local name=$1 port=$2 console_port=$3 peer_port=$4
  shift 4
  bash "$ARTEMIS_HOME/bin/artemis" create "$pair_dir/$name" --silent --force \
    --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --require-login \
    --host "$host" --http-host "$host" --default-port "$port" --http-port "$console_port" \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --java-memory "${BROKER_JAVA_MEMORY:-512M}" \
    --shared-store --data "$pair_dir/shared" --failover-on-shutdown \
    --clustered --staticCluster "tcp://$host:$peer_port" \
    --cluster-user "$ARTEMIS_CLUSTER_USER" --cluster-password "$ARTEMIS_CLUSTER_PASSWORD" \
    "$@" > "$pair_dir/$name-create.log"
  cp "$config_dir/artemis/broker.properties" "$pair_dir/$name/etc/broker.properties"
}

create_node primary "$primary_port" "${PRIMARY_CONSOLE_PORT:-8161}" "$backup_port"
create_node backup "$backup_port" "${BACKUP_CONSOLE_PORT:-8162}" "$primary_port" --backup
echo "Created $pair_dir/primary (port $primary_port) and $pair_dir/backup (port $backup_port), store $pair_dir/shared"
