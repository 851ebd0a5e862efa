# GameFlow — the two commands that matter: `make run` (whole stack, no Docker) and `make test` (all tests).
MVNW := ./mvnw -B -ntp

.PHONY: run test help chaos build bench clean start stop start-native stop-native

## run: start Kafka and the four services locally, the generator feeding them (Ctrl-C stops all)
run:
	@./scripts/run-local-stack.sh

## test: all tests (unit, topology, service on a real broker, end to end, deploy), after the native preparation
#  The native preparation is everything but the native-image step, which needs GraalVM (reflection, resources); verify
#  then packages the JVM jars again, over the native preparation's.
test:
	$(MVNW) -q package -Pnative -Dquarkus.native.sources-only=true -DskipTests -am \
	  -pl generator-service,ingest-service,engagement-service,metrics-service
	$(MVNW) verify

## help: these targets, one line each (the first line of the comment above each target)
help:
	@awk '/^## [a-z-]+: / {split($$0, a, ": "); name = substr(a[1], 4); text = substr($$0, length(a[1]) + 3); next} \
	  /^[a-z-]+:/ {target = substr($$1, 1, length($$1) - 1); if (target == name) printf "  make %-13s %s\n", target, text; name = ""}' $(MAKEFILE_LIST)

## chaos: only the kill test (ChaosIT): ingest, broker, engagement, metrics each killed -9 under load and restarted
#  Its report: e2e-tests/target/chaos-report.md.
chaos:
	$(MVNW) verify -pl e2e-tests -am -Dit.test=ChaosIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false

## bench: the benchmarks under bench/, side by side with raw Kafka; measured, never asserted (needs wrk)
#  Generator pacing, ingest, analytics and scaling, end to end and footprint; results in bench/results/<date>.{md,json}.
bench:
	@bash bench/run-all.sh

## build: compile and package every module, skip tests
build:
	$(MVNW) -q install -DskipTests

## clean: remove every module's target/
clean:
	$(MVNW) -q clean

## start: the whole stack in Docker (docker-compose.yml), with Prometheus, Alertmanager and Grafana; needs Docker
#  Kafka, the four services (JVM images); on 127.0.0.1 only (GAMEFLOW_BIND=0.0.0.0 to publish further); needs
#  GRAFANA_ADMIN_PASSWORD.
start:
	$(MVNW) -q package -DskipTests
	docker compose build
	docker compose up --detach

## stop: stop and remove the containers of `make start` (add -v by hand to wipe Kafka's data and the Streams state too)
stop:
	docker compose down

## start-native: as start, with the four services as native executables, built in a container (needs Docker, takes minutes)
start-native:
	$(MVNW) -q package -Pnative -DskipTests -Dquarkus.native.container-build=true
	docker compose -f docker-compose.yml -f docker-compose.native.yml build
	docker compose -f docker-compose.yml -f docker-compose.native.yml up --detach

## stop-native: stop and remove the containers of `make start-native`
stop-native:
	docker compose -f docker-compose.yml -f docker-compose.native.yml down
