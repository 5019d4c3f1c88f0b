# CI stand-in for the official postgres, redis and nginx images (docker-compose.yml), which
# cannot be pulled in CI: Debian's packages on the check's own base image, one image for all
# three services (deploy/check/standin-entrypoint.sh picks by command). Never shipped.
ARG BASE
FROM ${BASE}
RUN echo "create_main_cluster = false" >/tmp/createcluster.conf \
    && mkdir -p /etc/postgresql-common && mv /tmp/createcluster.conf /etc/postgresql-common/ \
    && apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
       -o Dpkg::Options::=--force-unsafe-io postgresql redis-server nginx-light >/dev/null \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
    && ln -sf /dev/stderr /var/log/nginx/error.log && ln -sf /dev/stdout /var/log/nginx/access.log
COPY standin-entrypoint.sh /usr/local/bin/standin-entrypoint
ENTRYPOINT ["/usr/local/bin/standin-entrypoint"]
