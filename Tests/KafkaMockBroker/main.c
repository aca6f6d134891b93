// dos-kafka-mock: librdkafka's mock Kafka cluster on loopback, for tests and benchmarks.
//
//   dos-kafka-mock [BROKERS] [INITIAL-REBALANCE-DELAY-MS]
//
// Prints "bootstrap HOST:PORT,..." on stdout once the brokers listen, then reads one command a
// line from stdin and answers "ok" (or "error: ...") to each, so a test can inject faults:
//   down ID | up ID            take a broker off the network, or bring it back
//   rtt ID MS                  add round-trip latency to a broker
//   errors API COUNT CODE...   the next COUNT requests of Kafka API key API fail with CODEs in turn
//   topic NAME PARTITIONS RF   create a topic
//   quit                       (or end of input, or SIGTERM) stop
// It is memory only. Built against Debian's librdkafka headers; any librdkafka.so.1 will do.
// With a librdkafka that has rd_kafka_mock_group_initial_rebalance_delay_ms (2.2+), a group's
// first join waits INITIAL-REBALANCE-DELAY-MS (default 3000, Kafka's default) instead of 3 s.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reply(const char *text) {
    fputs(text, stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

int main(int argc, char **argv) {
    int brokers = argc > 1 ? atoi(argv[1]) : 3;
    if (brokers < 1) brokers = 1;
    signal(SIGPIPE, SIG_IGN);

    char error[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    // The handle only hosts the cluster; keep it quiet.
    rd_kafka_conf_set(conf, "log_level", "0", error, sizeof error);
    rd_kafka_t *handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!handle) {
        fprintf(stderr, "dos-kafka-mock: %s\n", error);
        return 1;
    }
    rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(handle, brokers);
    if (!cluster) {
        fprintf(stderr, "dos-kafka-mock: could not start the mock cluster\n");
        return 1;
    }
    if (argc > 2) {
        typedef void (*set_delay_t)(rd_kafka_mock_cluster_t *, int32_t);
        set_delay_t set_delay = (set_delay_t)dlsym(RTLD_DEFAULT, "rd_kafka_mock_group_initial_rebalance_delay_ms");
        if (set_delay) set_delay(cluster, atoi(argv[2]));
    }
    printf("bootstrap %s\n", rd_kafka_mock_cluster_bootstraps(cluster));
    fflush(stdout);

    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        char *words[64];
        int count = 0;
        for (char *word = strtok(line, " \t\r\n"); word && count < 64; word = strtok(NULL, " \t\r\n")) words[count++] = word;
        if (count == 0) continue;
        rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR_NO_ERROR;
        if (!strcmp(words[0], "quit")) {
            reply("ok");
            break;
        } else if (!strcmp(words[0], "down") && count == 2) {
            err = rd_kafka_mock_broker_set_down(cluster, atoi(words[1]));
        } else if (!strcmp(words[0], "up") && count == 2) {
            err = rd_kafka_mock_broker_set_up(cluster, atoi(words[1]));
        } else if (!strcmp(words[0], "rtt") && count == 3) {
            err = rd_kafka_mock_broker_set_rtt(cluster, atoi(words[1]), atoi(words[2]));
        } else if (!strcmp(words[0], "errors") && count >= 4) {
            int requests = atoi(words[2]);
            int codes = count - 3;
            rd_kafka_resp_err_t *errors = calloc((size_t)requests, sizeof *errors);
            if (!errors) { reply("error: out of memory"); continue; }
            for (int i = 0; i < requests; i++) errors[i] = (rd_kafka_resp_err_t)atoi(words[3 + i % codes]);
            rd_kafka_mock_push_request_errors_array(cluster, atoi(words[1]), (size_t)requests, errors);
            free(errors);
        } else if (!strcmp(words[0], "topic") && count == 4) {
            err = rd_kafka_mock_topic_create(cluster, words[1], atoi(words[2]), atoi(words[3]));
        } else {
            reply("error: unknown command");
            continue;
        }
        if (err) {
            char message[600];
            snprintf(message, sizeof message, "error: %s", rd_kafka_err2str(err));
            reply(message);
        } else {
            reply("ok");
        }
    }
    rd_kafka_mock_cluster_destroy(cluster);
    rd_kafka_destroy(handle);
    return 0;
}
