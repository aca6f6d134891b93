# dos — the few commands a newcomer needs. `make help` lists them.
SWIFT ?= swift
BUILD_FLAGS ?= --explicit-target-dependency-import-check error
DOS_ARGS ?=
BENCH_ARGS ?=

.PHONY: help setup run build test bench bench-pipeline bench-console bench-kafka bench-import clean

help: ## List these commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

setup: ## Install the system packages dos needs (apt-get; safe to repeat)
	@bash scripts/setup.sh

run: setup ## Set up, build, and run dos on the embedded default (DOS_ARGS="..." to pass arguments)
	$(SWIFT) build -c release --product dos $(BUILD_FLAGS)
	.build/release/dos $(DOS_ARGS)

build: setup ## Debug build of everything, tests included
	@bash scripts/build-checked.sh $(SWIFT) build --build-tests $(BUILD_FLAGS)

# One test at a time: many tests start whole `dos serve all` process trees, and two cores
# running dozens of them at once turns every timeout into a coin toss.
test: build ## Set up and run every test (the Kafka tests start Tansu and a mock cluster themselves)
	@bash scripts/kafka-test-setup.sh
	@bash scripts/hsds-test-setup.sh
	LD_LIBRARY_PATH=$(CURDIR)/.venv-kafka/librdkafka $(SWIFT) test --skip-build --no-parallel

bench: setup ## Run the log benchmark (release build; BENCH_ARGS="--events 100000" for a quick one)
	$(SWIFT) build -c release --product LogBenchmark $(BUILD_FLAGS)
	.build/release/LogBenchmark $(BENCH_ARGS)

bench-pipeline: setup ## Run the services benchmark: commands to views, in one process and one process per service
	$(SWIFT) build -c release --product dos $(BUILD_FLAGS)
	$(SWIFT) build -c release --product PipelineBenchmark $(BUILD_FLAGS)
	.build/release/PipelineBenchmark --dos .build/release/dos

bench-console: setup ## Run the console benchmark: 100,000 services and 1M events, headless and in tmux
	$(SWIFT) build -c release --product dos $(BUILD_FLAGS)
	$(SWIFT) build -c release --product ConsoleBenchmark $(BUILD_FLAGS)
	.build/release/ConsoleBenchmark --dos .build/release/dos $(BENCH_ARGS)

bench-import: setup ## HSDS: import 10,000 generated services into an empty directory (every saga completed), then export it
	$(SWIFT) build -c release --product dos $(BUILD_FLAGS)
	$(SWIFT) build -c release --product ImportBenchmark $(BUILD_FLAGS)
	.build/release/ImportBenchmark --dos .build/release/dos $(BENCH_ARGS)

bench-kafka: setup ## Kafka: dos against kcat on Tansu (1M events), and saga throughput with the services as processes
	@bash scripts/kafka-test-setup.sh
	$(SWIFT) build -c release --product dos $(BUILD_FLAGS)
	$(SWIFT) build -c release --product dos-kafka-mock $(BUILD_FLAGS)
	$(SWIFT) build -c release --product KafkaBenchmark $(BUILD_FLAGS)
	LD_LIBRARY_PATH=$(CURDIR)/.venv-kafka/librdkafka .build/release/KafkaBenchmark --dos .build/release/dos $(BENCH_ARGS)

clean: ## Remove build products
	rm -rf .build
