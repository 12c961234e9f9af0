#!/usr/bin/env bash
# Starts WildFly with the application WAR, configured from the environment: the same variables as
# server-config/payara/launch.sh, the same external Artemis broker, database and SMTP server.
#
#   launch.sh <wildfly-home> [<app.war>] [extra standalone.sh options...]
#
# Each start writes a fresh configuration from the distribution's standalone-full.xml plus configure.cli and
# launcher.cli into the server's own directory WILDFLY_BASE_DIR (default: $DATA_DIR/wildfly), and deploys the WAR
# file given (without one the server starts empty, for tools that deploy through the management interface).
# Environment (see README): ARTEMIS_URL (tcp://host:port), ARTEMIS_USER, ARTEMIS_PASSWORD, DB_URL, DB_USER,
# DB_PASSWORD, DATA_DIR, HTTP_PORT, HTTP_BIND_ADDRESS, JAVA_OPTS, WILDFLY_BASE_DIR, WILDFLY_MANAGEMENT_PORT,
# WILDFLY_MANAGEMENT_BIND_ADDRESS (where the readiness probe is served, docs/wildfly.md), and
# the application's own keys (APP_BASE_URL, MAIL_*, MP_CONFIG_PROFILE...). The PostgreSQL driver is taken from
# <dir of wildfly-home>/lib/postgresql*.jar.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 <wildfly-home> [<app.war>] [standalone.sh options...]" >&2
  exit 64
fi
wildfly_home=$(cd "$1" && pwd)
shift
war=
if [ $# -gt 0 ] && [[ $1 == *.war ]]; then
  war=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  shift
fi
config_dir=$(cd "$(dirname "$0")" && pwd)

artemis_url=${ARTEMIS_URL:-tcp://localhost:61616}
if [[ ! $artemis_url =~ ^tcp://([^:/?]+):([0-9]+)([?].*)?$ ]]; then
  echo "ARTEMIS_URL must look like tcp://host:port, got: $artemis_url" >&2
  exit 64
fi
export ARTEMIS_HOST=${BASH_REMATCH[1]}
export ARTEMIS_PORT=${BASH_REMATCH[2]}
: "${ARTEMIS_USER:?ARTEMIS_USER must be set (the broker user)}"
: "${ARTEMIS_PASSWORD:?ARTEMIS_PASSWORD must be set (the broker password)}"

data_dir=${DATA_DIR:-./data}
if [ -z "${DB_URL:-}" ]; then
  mkdir -p "$data_dir"
  # WildFly closes its datasources itself on shutdown: H2 must not close the database first.
  export DB_URL="jdbc:h2:file:$(cd "$data_dir" && pwd)/forgot-password;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE"
  export DB_USER=${DB_USER:-forgot}
  export DB_PASSWORD=${DB_PASSWORD:-forgot}
fi
case $DB_URL in
  jdbc:postgresql:*) export DB_DRIVER=postgresql ;;
  jdbc:h2:*) export DB_DRIVER=h2 ;;
  *) echo "DB_URL must be a jdbc:postgresql: or jdbc:h2: URL" >&2; exit 64 ;;
esac
: "${DB_USER:?DB_USER must be set with DB_URL}"
: "${DB_PASSWORD:?DB_PASSWORD must be set with DB_URL}"

base_dir=${WILDFLY_BASE_DIR:-$data_dir/wildfly}
mkdir -p "$base_dir/configuration" "$base_dir/deployments" "$base_dir/modules"
base_dir=$(cd "$base_dir" && pwd)
for file in "$wildfly_home"/standalone/configuration/*; do
  [ -e "$base_dir/configuration/$(basename "$file")" ] || cp -r "$file" "$base_dir/configuration/"
done

# The PostgreSQL driver as the module org.postgresql that configure.cli registers.
driver=$(find "$(dirname "$wildfly_home")/lib" -name 'postgresql*.jar' 2>/dev/null | sort | tail -1)
if [ -n "$driver" ]; then
  module_dir=$base_dir/modules/org/postgresql/main
  mkdir -p "$module_dir"
  cp "$driver" "$module_dir/postgresql.jar"
  cat > "$module_dir/module.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
    <resources>
        <resource-root path="postgresql.jar"/>
    </resources>
    <dependencies>
        <module name="java.se"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML
fi

cli_script=$base_dir/configuration/launch.cli
{
  echo "embed-server --server-config=forgot-password.xml --std-out=discard"
  cat "$config_dir/configure.cli" "$config_dir/launcher.cli"
  if [ -n "$war" ]; then
    echo "deploy \"$war\" --name=forgot-password.war"
  fi
  echo "stop-embedded-server"
} > "$cli_script.new"
# The configuration is written anew when the scripts, the distribution or the WAR changed (all values are read
# from the environment at boot, so a restart with other settings needs no new configuration).
fingerprint=$(cat "$cli_script.new" "$wildfly_home/standalone/configuration/standalone-full.xml" ${war:+"$war"} \
  | sha256sum | cut -d' ' -f1)
if [ ! -f "$base_dir/configuration/forgot-password.xml" ] \
    || [ "$(cat "$base_dir/configuration/launch.fingerprint" 2>/dev/null)" != "$fingerprint" ]; then
  mv "$cli_script.new" "$cli_script"
  cp "$wildfly_home/standalone/configuration/standalone-full.xml" "$base_dir/configuration/forgot-password.xml"
  rm -rf "$base_dir/configuration/standalone_xml_history" "$base_dir/data/content" "$base_dir/configuration/launch.fingerprint"
  if ! cli_output=$(JAVA_OPTS="-Djboss.server.base.dir=$base_dir" "$wildfly_home/bin/jboss-cli.sh" --file="$cli_script" 2>&1); then
    echo "Configuring WildFly failed ($cli_script):" >&2
    echo "$cli_output" >&2
    exit 1
  fi
  echo "$fingerprint" > "$base_dir/configuration/launch.fingerprint"
else
  rm "$cli_script.new"
fi

export JBOSS_MODULEPATH=$wildfly_home/modules:$base_dir/modules
# standalone.sh passes TERM on to the server's JVM and waits for it when launched "in background".
export LAUNCH_JBOSS_IN_BACKGROUND=1
exec "$wildfly_home/bin/standalone.sh" \
  -Djboss.server.base.dir="$base_dir" \
  -c forgot-password.xml \
  -Djboss.bind.address="${HTTP_BIND_ADDRESS:-0.0.0.0}" \
  -Djboss.http.port="${HTTP_PORT:-8080}" \
  -Djboss.bind.address.management="${WILDFLY_MANAGEMENT_BIND_ADDRESS:-127.0.0.1}" \
  -Djboss.management.http.port="${WILDFLY_MANAGEMENT_PORT:-0}" \
  "$@"
