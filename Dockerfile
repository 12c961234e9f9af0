# syntax=docker/dockerfile:1
# The forgot-password service on Payara Micro.
#   docker build -t forgot-password .
#   docker run -p 8080:8080 -e ARTEMIS_URL=tcp://broker:61616 -e ARTEMIS_USER=... -e ARTEMIS_PASSWORD=... \
#              -e APP_BASE_URL=https://example.com -e MAIL_FROM=no-reply@example.com -e MAIL_SMTP_HOST=smtp \
#              -e MAIL_SMTP_USER=... -e MAIL_SMTP_PASSWORD=... \
#              -e DB_URL=jdbc:postgresql://db:5432/forgot -e DB_USER=... -e DB_PASSWORD=... \
#              -v forgot-password-data:/opt/payara/data forgot-password
# The volume holds the embedded H2 database when DB_URL is not set (with PostgreSQL it only holds Payara's scratch
# files). Give every instance a volume of its own.
# Every setting comes from the environment (README, "Configuration"). The image starts the server through
# server-config/payara/launch.sh, as the run command does.

ARG PAYARA_VERSION=6.2025.10

# --- build: the WAR and the resource adapter archive, with the project's Maven wrapper -----------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# The local Maven repository is a build cache, kept between builds: a change to src/ does not download again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode --no-transfer-progress dependency:go-offline
COPY src/ src/
COPY server-config/ server-config/
RUN --mount=type=cache,target=/root/.m2 ./mvnw --batch-mode --no-transfer-progress -DskipTests package

# --- runtime: the official Payara Micro image (JDK 17), non-root user "payara" --------------------------------
FROM payara/micro:${PAYARA_VERSION}-jdk17
COPY --from=build --chown=payara:payara /build/target/stack/artemis-ra.rar /opt/payara/app/artemis-ra.rar
COPY --from=build --chown=payara:payara /build/target/stack/forgot-password.war /opt/payara/app/forgot-password.war
# JDBC drivers next to the WAR are added to the server by launch.sh (PostgreSQL; H2 comes with Payara Micro).
COPY --from=build --chown=payara:payara /build/target/stack/lib/ /opt/payara/app/lib/
COPY --from=build --chown=payara:payara /build/server-config/payara/ /opt/payara/server-config/payara/
USER payara
RUN mkdir -p /opt/payara/data
VOLUME ["/opt/payara/data"]
ENV MP_CONFIG_PROFILE=prod \
    DATA_DIR=/opt/payara/data \
    HTTP_PORT=8080 \
    HTTP_BIND_ADDRESS=0.0.0.0 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# Ready: broker and database reachable, not stopping (docs/operations.md). BusyBox's wget is in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${HTTP_PORT}/health/ready" || exit 1
# The image is Alpine's, with BusyBox's sh and no bash: launch.sh is POSIX sh, and the tests run it under busybox sh.
ENTRYPOINT ["sh", "/opt/payara/server-config/payara/launch.sh", \
            "/opt/payara/payara-micro.jar", "/opt/payara/app/artemis-ra.rar", "/opt/payara/app/forgot-password.war"]
