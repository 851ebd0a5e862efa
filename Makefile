# GameFlow — the two commands that matter: `make run` (whole stack, no Docker) and `make test` (all tests).
MVNW := ./mvnw -B -ntp

.PHONY: run test build clean

## run: start Kafka and the four services locally, the generator feeding them (Ctrl-C stops all)
run:
	@./scripts/run-local-stack.sh

## test: unit, topology, service (@QuarkusTest on a real broker) and end-to-end tests
test:
	$(MVNW) verify

## build: compile and package every module, skip tests
build:
	$(MVNW) -q install -DskipTests

clean:
	$(MVNW) -q clean
