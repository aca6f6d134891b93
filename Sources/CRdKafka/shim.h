// The only place librdkafka's C API is seen.
#ifndef DOS_CRDKAFKA_SHIM_H
#define DOS_CRDKAFKA_SHIM_H
#include <librdkafka/rdkafka.h>
#endif
