// The only place librdkafka's C API is seen.
#ifndef DOS_CRDKAFKA_SHIM_H
#define DOS_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
#include <string.h>

// rd_kafka_producev() is variadic (Swift cannot call it): one record with its key, its id as the
// "dos-id" header, a creation time, and an opaque for the delivery report. The payload is NOT
// copied: the caller keeps it until the delivery report (the key and header are copied).
// The topic is a handle the caller keeps (looking a topic up by name costs a lock per record).
static inline rd_kafka_resp_err_t dos_kafka_produce(
    rd_kafka_t *rk, rd_kafka_topic_t *topic, const void *key, size_t key_size, const void *value, size_t value_size,
    const char *id, size_t id_size, int64_t timestamp_ms, void *opaque) {
    return rd_kafka_producev(
        rk, RD_KAFKA_V_RKT(topic), RD_KAFKA_V_MSGFLAGS(0),
        RD_KAFKA_V_KEY(key, key_size), RD_KAFKA_V_VALUE((void *)value, value_size),
        RD_KAFKA_V_HEADER("dos-id", id, (ssize_t)id_size), RD_KAFKA_V_TIMESTAMP(timestamp_ms),
        RD_KAFKA_V_OPAQUE(opaque), RD_KAFKA_V_END);
}

// The "dos-id" header of a consumed record; NULL when it has none. Points into the message.
static inline const char *dos_kafka_message_id(rd_kafka_message_t *message, size_t *size) {
    rd_kafka_headers_t *headers = NULL;
    if (rd_kafka_message_headers(message, &headers) != RD_KAFKA_RESP_ERR_NO_ERROR) return NULL;
    const void *value = NULL;
    if (rd_kafka_header_get_last(headers, "dos-id", &value, size) != RD_KAFKA_RESP_ERR_NO_ERROR) return NULL;
    return (const char *)value;
}

// Offset sentinels are macros of casts, which Swift does not import.
static inline int64_t dos_kafka_offset_beginning(void) { return RD_KAFKA_OFFSET_BEGINNING; }
static inline int64_t dos_kafka_offset_end(void) { return RD_KAFKA_OFFSET_END; }
static inline int64_t dos_kafka_offset_invalid(void) { return RD_KAFKA_OFFSET_INVALID; }
static inline int32_t dos_kafka_partition_unassigned(void) { return RD_KAFKA_PARTITION_UA; }
#endif
