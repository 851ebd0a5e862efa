# The JVM options and malloc setting the services start with outside containers (sourced by scripts/run-local-stack.sh
# and bench/lib.sh; the images set the same in their Dockerfile.jvm). Measured in bench/results/footprint-2026-12-01.md:
# the serial collector (2 cores, small heaps: G1's own native memory and threads cost more than its pauses save) and a
# heap sized per service, starting small so that an idle service stays small.

# default_java_opts SERVICE: the JVM options of SERVICE when the caller's override (GAMEFLOW_JAVA_OPTS, BENCH_JAVA_OPTS)
# is unset
default_java_opts() {
  if [[ $1 == engagement-service ]]; then
    echo "-XX:+UseSerialGC -Xms32m -Xmx192m"
  elif [[ $1 == generator-service ]]; then
    # its three Kafka producers may each buffer 32 MiB when the broker lags behind a high rate: at 128 MiB the
    # analytics benchmark's pre-fill (~90,000 events/s) ran out of heap; the small initial heap keeps it small at 5,000
    echo "-XX:+UseSerialGC -Xms16m -Xmx256m"
  else
    echo "-XX:+UseSerialGC -Xms16m -Xmx128m"
  fi
}

# glibc's malloc keeps up to 8 arenas per core, each holding on to what it once held, and RocksDB and the Kafka
# clients' many threads spread over them: 2 unless MALLOC_ARENA_MAX is set
SERVICE_MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
