# GameFlow — the two commands that matter: `make run` (whole stack, no Docker) and `make test` (all tests).
MVNW := ./mvnw -B -ntp

.PHONY: run test build bench clean

## run: start Kafka and the four services locally, the generator feeding them (Ctrl-C stops all)
run:
	@./scripts/run-local-stack.sh

## test: unit, topology, service (@QuarkusTest on a real broker) and end-to-end tests
test:
	$(MVNW) verify

## bench: the benchmarks under bench/ (measured, never asserted; results in bench/results/)
bench:
	@bash bench/generator-pacing.sh
	@PACING_MODE=http bash bench/generator-pacing.sh

## build: compile and package every module, skip tests
build:
	$(MVNW) -q install -DskipTests

clean:
	$(MVNW) -q clean
