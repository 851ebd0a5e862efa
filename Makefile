# GameFlow — the two commands that matter: `make run` (whole stack, no Docker) and `make test` (all tests).
MVNW := ./mvnw -B -ntp

.PHONY: run test chaos build bench clean start stop start-native stop-native

## run: start Kafka and the four services locally, the generator feeding them (Ctrl-C stops all)
run:
	@./scripts/run-local-stack.sh

## test: the native build's preparation of each service (reflection, resources: everything but the native-image step,
## which needs GraalVM), then unit, topology, service (@QuarkusTest on a real broker), end-to-end and deploy tests
## (verify packages the JVM jars again, over the native preparation's)
test:
	$(MVNW) -q package -Pnative -Dquarkus.native.sources-only=true -DskipTests -am \
	  -pl generator-service,ingest-service,engagement-service,metrics-service
	$(MVNW) verify

## chaos: only the kill test (ChaosIT): ingest, broker, engagement, metrics each killed -9 under load and restarted (e2e-tests/target/chaos-report.md)
chaos:
	$(MVNW) verify -pl e2e-tests -am -Dit.test=ChaosIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false

## bench: the benchmarks under bench/ side by side with raw Kafka (generator pacing, ingest, analytics and scaling,
## end to end and footprint; measured, never asserted; results in bench/results/<date>.{md,json}; needs wrk)
bench:
	@bash bench/run-all.sh

## build: compile and package every module, skip tests
build:
	$(MVNW) -q install -DskipTests

clean:
	$(MVNW) -q clean

## start: the whole stack in Docker (docker-compose.yml): Kafka, the four services (JVM images), Prometheus, Alertmanager, Grafana;
## on 127.0.0.1 only (GAMEFLOW_BIND=0.0.0.0 to publish further); needs GRAFANA_ADMIN_PASSWORD
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
