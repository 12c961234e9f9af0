#!/bin/sh
# Starts Payara Micro with the Artemis resource adapter and the application WAR, configured from the
# environment. The run command (./mvnw -Prun), the tests and the Docker image all start the server through this
# script. POSIX sh: the image's shell is BusyBox's (Alpine), and the tests run the script with `busybox sh`.
#
#   launch.sh <payara-micro.jar> <artemis-ra.rar> <app.war> [extra Payara Micro options...]
#
# Environment (docs/operations.md): ARTEMIS_URL (tcp://host:port, or tcp://primary:port,tcp://backup:port),
# ARTEMIS_USER, ARTEMIS_PASSWORD, DB_URL, DB_USER, DB_PASSWORD, DATA_DIR, HTTP_PORT, HTTP_BIND_ADDRESS, JAVA_OPTS,
# SHUTDOWN_GRACE_MILLIS, and the application's own keys (APP_BASE_URL, MAIL_*, MP_CONFIG_PROFILE...). JDBC drivers
# in <dir of app.war>/lib/*.jar are added to the server.
set -eu

fail() {
  echo "$*" >&2
  exit 64
}

[ $# -ge 3 ] || fail "usage: $0 <payara-micro.jar> <artemis-ra.rar> <app.war> [payara micro options...]"
micro_jar=$1 rar=$2 war=$3
shift 3
config_dir=$(cd "$(dirname "$0")" && pwd)

# One broker, tcp://host:port[?params], or a primary/backup pair (docs/scaling.md): tcp://primary:port,tcp://backup:port,
# optionally written as Artemis writes it, (tcp://a:1,tcp://b:2)?ha=true. The resource adapter takes lists of
# connector classes and host/port parameters, and fails over between the brokers of a list (HA) when it has more
# than one.
artemis_url=${ARTEMIS_URL:-tcp://localhost:61616}
broker_list=$artemis_url
case $broker_list in
  "("*")"|"("*")?"*) broker_list=${broker_list#"("}; broker_list=${broker_list%%")"*} ;;
esac
connector_classes= connection_parameters= brokers=0
old_ifs=$IFS
IFS=,
for url in $broker_list; do
  IFS=$old_ifs
  host_port=${url#tcp://}
  host_port=${host_port%%"?"*}
  host=${host_port%:*}
  port=${host_port##*:}
  case $url in tcp://*) ;; *) host= ;; esac
  case $host in ""|*[:/?,]*) host= ;; esac
  case $port in ""|*[!0-9]*) host= ;; esac
  [ -n "$host" ] || fail "ARTEMIS_URL must look like tcp://host:port or tcp://primary:port,tcp://backup:port, got: $artemis_url"
  connector_classes=${connector_classes:+$connector_classes,}org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory
  connection_parameters=${connection_parameters:+$connection_parameters,}"host=$host;port=$port"
  brokers=$((brokers + 1))
done
IFS=$old_ifs
[ "$brokers" -gt 0 ] || fail "ARTEMIS_URL must name at least one broker, got: $artemis_url"
export ARTEMIS_CONNECTOR_CLASSES="$connector_classes" ARTEMIS_CONNECTION_PARAMETERS="$connection_parameters"
# The adapter's calls (the message-driven bean's) wait at most 5 s for one broker, 10 s for a pair; with the
# client's default, 30 s, consumer threads hung on a dead broker. A pair: HA, and consumers that buffer nothing
# ahead, so that a session which does not survive the fail-over holds at most the message it is processing.
# Pooled (outbound) connections, the forgot endpoint's sends: at most 2 s per call, so that a request answers 503
# within 2 s when the broker is away. One broker: a pooled connection that lost it is replaced, not reconnected;
# a pair: it fails over, and a request during the fail-over waits for it at most ARTEMIS_CALL_TIMEOUT.
if [ "$brokers" -gt 1 ]; then
  export ARTEMIS_HA=true ARTEMIS_CALL_TIMEOUT=10000 ARTEMIS_CONSUMER_WINDOW_SIZE=0 \
    ARTEMIS_POOL_RECONNECT_ATTEMPTS=-1 ARTEMIS_POOL_CALL_TIMEOUT=2000
else
  export ARTEMIS_HA=false ARTEMIS_CALL_TIMEOUT=5000 ARTEMIS_CONSUMER_WINDOW_SIZE=1048576 \
    ARTEMIS_POOL_RECONNECT_ATTEMPTS=0 ARTEMIS_POOL_CALL_TIMEOUT=2000
fi
: "${ARTEMIS_USER:?ARTEMIS_USER must be set (the broker user)}"
: "${ARTEMIS_PASSWORD:?ARTEMIS_PASSWORD must be set (the broker password)}"
case $ARTEMIS_USER$ARTEMIS_PASSWORD in
  *:*) fail "ARTEMIS_USER and ARTEMIS_PASSWORD must not contain ':' (the separator of Payara's command files)" ;;
esac
export ARTEMIS_RA_ARCHIVE="$rar"
# The WAR is deployed by post-boot-commands.asadmin, not with --deploy: see post-deploy-commands.asadmin. The
# command files split arguments on spaces and keep quotes.
case $war in
  *[\"\'\ ]*) fail "The WAR's path must not contain a space or a quote, got: $war" ;;
esac
export APPLICATION_ARCHIVE="$war"
export HTTP_BIND_ADDRESS="${HTTP_BIND_ADDRESS:-0.0.0.0}"

# DATA_DIR holds the instance's state: the embedded database when DB_URL is not set. It must survive restarts and
# belong to one instance only.
data_dir=${DATA_DIR:-./data}
mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)

# Payara Micro unpacks its runtime (about 120 MB) into a new temporary directory at every start and removes it only
# when it stops cleanly: every kill or crash would leave one behind in /tmp. It goes into DATA_DIR/tmp instead, which
# is emptied here: what it holds is from an earlier start of this instance, and no other instance uses DATA_DIR.
tmp_dir=$data_dir/tmp
rm -rf "$tmp_dir"
mkdir -p "$tmp_dir"

# The database: PostgreSQL (or H2) at DB_URL, else an embedded H2 file database in DATA_DIR that survives restarts.
if [ -z "${DB_URL:-}" ]; then
  export DB_URL="jdbc:h2:file:$data_dir/forgot-password;LOCK_TIMEOUT=10000"
  export DB_USER="${DB_USER:-forgot}"
  export DB_PASSWORD="${DB_PASSWORD:-forgot}"
fi
case $DB_URL in
  jdbc:postgresql:*) export DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource ;;
  jdbc:h2:*) export DB_DATASOURCE_CLASS=org.h2.jdbcx.JdbcDataSource ;;
  *) fail "DB_URL must be a jdbc:postgresql: or jdbc:h2: URL" ;;
esac
: "${DB_USER:?DB_USER must be set with DB_URL}"
: "${DB_PASSWORD:?DB_PASSWORD must be set with DB_URL}"
# The command files quote these values: no double quote, backslash or space may end the quoting early.
case $DB_URL$DB_USER$DB_PASSWORD in
  *[\"\\\ ]*) fail "DB_URL, DB_USER and DB_PASSWORD must not contain a double quote, a backslash or a space" ;;
esac
drivers=
for jar in "$(dirname "$war")"/lib/*.jar; do
  [ -f "$jar" ] && drivers=${drivers:+$drivers:}$jar
done

# Jakarta Mail 2.1 looks its StreamProvider up through the ServiceLoader for every body part it creates or writes
# (jakartaee/mail-api#699, #861): about a tenth of Payara's CPU under load. Naming the provider turns that into a
# class lookup. Set MAIL_STREAM_PROVIDER= (empty) to leave the lookup to Jakarta Mail.
mail_stream_provider=${MAIL_STREAM_PROVIDER-org.eclipse.angus.mail.util.MailStreamProvider}

# --nohazelcast: no data grid at all (with --nocluster Payara Micro still listens on port 6900 on every interface);
# the application uses nothing that needs it. JAVA_OPTS is split on spaces on purpose (several options in one
# variable).
# fish.payara.shutdowngrace: on SIGTERM Payara Micro waits this long before it undeploys the application; meanwhile
# the application refuses new requests with 503, lets those in progress finish and closes the HTTP listener
# (GracefulStop), so that nothing reaches the application while it is torn down. At least 4 s (its drain limit 3 s).
shutdown_grace=${SHUTDOWN_GRACE_MILLIS:-5000}
case $shutdown_grace in
  ""|*[!0-9]*) fail "SHUTDOWN_GRACE_MILLIS must be a number of milliseconds, got: $shutdown_grace" ;;
esac
# shellcheck disable=SC2086
exec java -Djava.io.tmpdir="$tmp_dir" ${JAVA_OPTS:--Xmx256m} \
  -Dfish.payara.shutdowngrace="$shutdown_grace" \
  ${mail_stream_provider:+"-Djakarta.mail.util.StreamProvider=$mail_stream_provider"} \
  -jar "$micro_jar" \
  --nohazelcast \
  --port "${HTTP_PORT:-8080}" \
  --prebootcommandfile "$config_dir/pre-boot-commands.asadmin" \
  --postbootcommandfile "$config_dir/post-boot-commands.asadmin" \
  --postdeploycommandfile "$config_dir/post-deploy-commands.asadmin" \
  ${drivers:+--addlibs "$drivers"} \
  "$@"
