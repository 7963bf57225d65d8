/* Small I/O helpers shared by every mode. */
#ifndef SIXC_UTIL_H
#define SIXC_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Reads until len bytes or EOF; returns the count, or -1 (errno) on error. */
ssize_t read_full(int fd, void *buf, size_t len);

/* Writes all of buf despite short writes and EINTR; 0 or -1 (errno). */
int write_all(int fd, const void *buf, size_t len);

/* close() that treats EINTR as success: Linux always releases the fd. */
int xclose(int fd);

/* Strict unsigned decimal: digits only, no sign, no overflow. 0 or -1. */
int parse_u64_dec(const char *s, uint64_t *out);

#endif
